/**
 * Tiny fetch helpers for the fake API's own tests (plain `fetch`, explicit headers).
 */
import { HEADERS, PATHS } from '../src/api/contract.ts';
import { FAKE_CONTROL_VALUE, FAKE_TOKENS } from './auth.ts';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS' | 'PATCH' | 'HEAD';
  /** Bearer token; default the read+write demo token; null sends no Authorization header. */
  token?: string | null;
  /** Sent as JSON unless a string (sent as is). */
  body?: unknown;
  /** Content-Type of a body: default `application/json`; null sends none. */
  contentType?: string | null;
  query?: Record<string, string | readonly string[]>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function createTestClient(baseUrl: string) {
  return function call(path: string, options: CallOptions = {}): Promise<Response> {
    const url = new URL(`${baseUrl}${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      for (const item of typeof value === 'string' ? [value] : value) url.searchParams.append(key, item);
    }
    const headers = new Headers(options.headers);
    const token = options.token === undefined ? FAKE_TOKENS.readWrite : options.token;
    if (token !== null) headers.set(HEADERS.authorization, `Bearer ${token}`);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
      if (contentType === null) headers.delete(HEADERS.contentType);
      else headers.set(HEADERS.contentType, contentType);
    }
    return fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: options.signal });
  };
}

/**
 * Calls the fake's control routes at `origin` + `/__fake/<name>`, with the control header (and no
 * token) unless the options say otherwise.
 */
export function createControlClient(origin: string) {
  const call = createTestClient(`${origin}${PATHS.fakeControl}`);
  return (name: string, options: CallOptions = {}): Promise<Response> =>
    call(`/${name}`, { token: null, ...options, headers: { [HEADERS.fakeControl]: FAKE_CONTROL_VALUE, ...options.headers } });
}
