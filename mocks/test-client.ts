/**
 * A tiny fetch helper for the fake API's own tests (plain `fetch`, explicit headers).
 */
import { FAKE_TOKENS } from './handlers.ts';

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS';
  /** Bearer token; default the read+write demo token; null sends no Authorization header. */
  token?: string | null;
  /** Sent as JSON unless a string (sent as is). */
  body?: unknown;
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
    if (token !== null) headers.set('Authorization', `Bearer ${token}`);
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers.set('Content-Type', 'application/json');
    }
    return fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, signal: options.signal });
  };
}
