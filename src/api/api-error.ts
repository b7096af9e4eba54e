/**
 * The one error type the UI sees. Its message never contains a token or a secret value: it is
 * built only from the HTTP status, the endpoint's name and the server's error fields.
 */
import { MAX_VALUE_BYTES } from './contract-http';

export type ApiErrorKind =
  | 'http' // the server answered with a non-2xx status
  | 'network' // the request never got an answer (offline, DNS, CORS, connection reset)
  | 'timeout' // no answer within the timeout
  | 'aborted' // the caller cancelled
  | 'unexpected-response'; // the body did not match the contract

export interface ApiErrorInit {
  kind: ApiErrorKind;
  endpoint: string;
  status?: number;
  message: string;
  requestId?: string;
  error?: string;
  errorType?: string;
  entityId?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** e.g. "list secrets" */
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly error: string | undefined;
  readonly errorType: string | undefined;
  /** On 409: the id of the secret that already exists. */
  readonly entityId: string | undefined;
  /** From `Retry-After` (seconds or HTTP date), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.requestId = init.requestId;
    this.error = init.error;
    this.errorType = init.errorType;
    this.entityId = init.entityId;
    this.retryAfterMs = init.retryAfterMs;
  }

  get isClientError(): boolean {
    return this.kind === 'http' && this.status !== undefined && this.status >= 400 && this.status < 500;
  }

  get isServerError(): boolean {
    return this.kind === 'http' && this.status !== undefined && this.status >= 500;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A short sentence for a status when the server gave no message. */
export function defaultMessage(status: number, endpoint: string): string {
  switch (status) {
    case 400:
      return `The server rejected the request to ${endpoint} as invalid.`;
    case 401:
      return 'Your session has expired or the token is not valid. Sign in again.';
    case 403:
      return `This token is not allowed to ${endpoint} here.`;
    case 404:
      return `Not found (${endpoint}).`;
    case 409:
      return 'It already exists.';
    case 413:
      return `Too large: the server refused the request to ${endpoint} (HTTP 413). A value can be at most ${MAX_VALUE_BYTES / 2 ** 20} MiB of UTF-8.`;
    case 429:
      return 'Too many requests. Wait a moment and try again.';
    default:
      return status >= 500
        ? `The server failed to ${endpoint} (HTTP ${status}). Try again in a moment.`
        : `The request to ${endpoint} failed (HTTP ${status}).`;
  }
}
