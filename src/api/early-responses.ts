/**
 * GET requests sent before the API client's code has loaded, handed to the client once.
 *
 * On a direct load of a secrets page, the entry chunk (src/app/early-requests.ts) sends the
 * environment list and the masked list while the browser is still fetching and compiling the app;
 * the API client then takes the response in flight instead of asking again, and parses it with the
 * endpoint's schema as it does any response. A response is only taken by a request with the same
 * URL and the same Authorization value; anything not taken is aborted (`discardEarlyResponses`).
 * No zod and no React here: this module is in the entry chunk.
 */
import { fetchOptions, HEADERS } from './contract-http';

export interface EarlyResponse {
  response: Promise<Response>;
  /**
   * The body parsed as JSON, read once and shared: the first paint (src/app/first-paint.ts) and
   * the API client read the same parse. Rejects like `Response.json()`.
   */
  json: () => Promise<unknown>;
  /** Aborts the request (the response promise then rejects). */
  abort: () => void;
}

const pending = new Map<string, EarlyResponse & { authorization: string }>();

/** Sends a GET exactly as the API client would (same headers and fetch options). */
export function sendEarly(url: URL, authorization: string): EarlyResponse {
  pending.get(url.href)?.abort();
  const controller = new AbortController();
  const headers = new Headers({ Accept: 'application/json' });
  headers.set(HEADERS.authorization, authorization);
  const response = fetch(url.href, fetchOptions('GET', headers, undefined, controller.signal));
  // Not an unhandled rejection when nobody takes it: whoever does sees the error.
  response.catch(() => undefined);
  let body: Promise<unknown> | undefined;
  const json = () => (body ??= response.then((r) => r.json() as Promise<unknown>));
  const entry = { response, json, abort: () => controller.abort() };
  pending.set(url.href, { ...entry, authorization });
  return entry;
}

/** The early response for this URL, once, if it was sent with the same Authorization value. */
export function takeEarlyResponse(href: string, authorization: string | null): EarlyResponse | undefined {
  const entry = pending.get(href);
  if (!entry) return undefined;
  pending.delete(href);
  if (entry.authorization === authorization) return entry;
  entry.abort();
  return undefined;
}

/** Aborts and forgets every early response nobody took (a new session, or the first page is in). */
export function discardEarlyResponses(): void {
  for (const entry of pending.values()) entry.abort();
  pending.clear();
}
