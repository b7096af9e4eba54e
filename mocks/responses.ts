/**
 * What every handler of the fake answers with and how it reads a request: the one error body
 * `{ requestId, error, message, errorType?, entityId? }`, `Cache-Control: no-store`, and JSON
 * bodies read without ever quoting them (they may hold a secret value).
 */
import { HttpResponse } from 'msw';
import type { ApiErrorBody } from '../src/api/contract.ts';
import { randomHex } from './random.ts';

const STATUS_ERRORS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function newRequestId(): string {
  return `req_${randomHex(8)}`;
}

export interface ErrorExtras {
  errorType?: string;
  entityId?: string;
  /** Overrides any field of the body (fault injection). */
  body?: Partial<ApiErrorBody>;
  headers?: Record<string, string>;
}

/** The one error response of the fake: `{ requestId, error, message, errorType?, entityId? }`. */
export function errorResponse(status: number, message: string, extras: ErrorExtras = {}): Response {
  const body: ApiErrorBody = {
    requestId: newRequestId(),
    error: STATUS_ERRORS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    message,
    ...(extras.errorType === undefined ? {} : { errorType: extras.errorType }),
    ...(extras.entityId === undefined ? {} : { entityId: extras.entityId }),
    ...extras.body,
  };
  return HttpResponse.json(body, { status, headers: extras.headers });
}

/** The 404 of a path (or a method on it) that the fake does not serve. */
export function noRoute(request: Request, url: URL): Response {
  return errorResponse(404, `No route for ${request.method} ${url.pathname}`);
}

export function withNoStore(response: Response): Response {
  // A network error's headers are immutable (and it has none to send).
  if (response.type !== 'error') response.headers.set('Cache-Control', 'no-store');
  return response;
}

/** One line per zod issue (zod or zod/mini); issue messages name fields, never echo values. */
export function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Parses the body as JSON; an empty body is an error unless `allowEmpty` (then `value` is undefined). */
export async function readJsonBody(request: Request, allowEmpty = false): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') {
    return allowEmpty ? { ok: true, value: undefined } : { ok: false, response: errorResponse(400, 'The request body must be JSON; it is empty') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Never quote the body: it may hold a secret value.
    return { ok: false, response: errorResponse(400, 'The request body is not valid JSON') };
  }
}

/** `application/json`, any case, with or without parameters (e.g. `; charset=utf-8`). */
export function isJsonContentType(header: string | null): boolean {
  return header !== null && header.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
