// @vitest-environment node
import { discardEarlyResponses, sendEarly, takeEarlyResponse } from './early-responses';

type FetchImpl = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const URL_A = new URL('http://localhost/api/environments');
const AUTH = 'Bearer read-token-0123';

/** A global fetch that answers only when told (or fails when its signal aborts). */
function pendingFetch() {
  const calls: { url: string; init: RequestInit; resolve: (r: Response) => void }[] = [];
  const fetch = vi.fn<FetchImpl>(
    (input, init = {}) =>
      new Promise<Response>((resolve, reject) => {
        calls.push({ url: String(input), init, resolve });
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      }),
  );
  vi.stubGlobal('fetch', fetch);
  return { fetch, calls };
}

afterEach(() => {
  discardEarlyResponses();
  vi.unstubAllGlobals();
});

describe('early responses', () => {
  it('sends a GET the way the API client does: Authorization, JSON, no cookies, no cache, no referrer', () => {
    const { calls } = pendingFetch();
    void sendEarly(URL_A, AUTH);
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(URL_A.href);
    expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', body: undefined });
    const headers = new Headers(init.headers);
    expect(headers.get('Authorization')).toBe(AUTH);
    expect(headers.get('Accept')).toBe('application/json');
    expect(url).not.toContain('read-token');
  });

  it('hands the response over once, to a request with the same URL and Authorization', async () => {
    const { calls } = pendingFetch();
    void sendEarly(URL_A, AUTH);
    const early = takeEarlyResponse(URL_A.href, AUTH);
    expect(early).toBeDefined();
    expect(takeEarlyResponse(URL_A.href, AUTH)).toBeUndefined();
    const response = new Response('{}');
    calls[0]!.resolve(response);
    await expect(early!.response).resolves.toBe(response);
  });

  it('does not hand it to a request with another token, and aborts it', async () => {
    pendingFetch();
    const sent = sendEarly(URL_A, AUTH);
    expect(takeEarlyResponse(URL_A.href, 'Bearer another-token')).toBeUndefined();
    await expect(sent.response).rejects.toThrow(/aborted/);
    expect(takeEarlyResponse(URL_A.href, AUTH)).toBeUndefined();
  });

  it('has nothing for another URL', () => {
    pendingFetch();
    void sendEarly(URL_A, AUTH);
    expect(takeEarlyResponse('http://localhost/api/apps', AUTH)).toBeUndefined();
    expect(takeEarlyResponse(URL_A.href, AUTH)).toBeDefined();
  });

  it('abort() cancels the request for whoever took it', async () => {
    pendingFetch();
    void sendEarly(URL_A, AUTH);
    const early = takeEarlyResponse(URL_A.href, AUTH)!;
    early.abort();
    await expect(early.response).rejects.toThrow(/aborted/);
  });

  it('discardEarlyResponses aborts and forgets every response nobody took', async () => {
    pendingFetch();
    const a = sendEarly(URL_A, AUTH);
    const b = sendEarly(new URL('http://localhost/api/apps/x'), AUTH);
    discardEarlyResponses();
    await expect(a.response).rejects.toThrow(/aborted/);
    await expect(b.response).rejects.toThrow(/aborted/);
    expect(takeEarlyResponse(URL_A.href, AUTH)).toBeUndefined();
  });

  it('a second early send of the same URL replaces (and aborts) the first', async () => {
    const { calls } = pendingFetch();
    const first = sendEarly(URL_A, AUTH);
    void sendEarly(URL_A, AUTH);
    await expect(first.response).rejects.toThrow(/aborted/);
    const early = takeEarlyResponse(URL_A.href, AUTH)!;
    const response = new Response('{}');
    calls[1]!.resolve(response);
    await expect(early.response).resolves.toBe(response);
  });

  it('json() reads the body once: the first paint and the API client share one parse', async () => {
    const { calls } = pendingFetch();
    const sent = sendEarly(URL_A, AUTH);
    const response = Response.json({ environments: [] });
    const read = vi.spyOn(response, 'json');
    calls[0]!.resolve(response);
    const first = await sent.json();
    expect(first).toEqual({ environments: [] });
    await expect(takeEarlyResponse(URL_A.href, AUTH)!.json()).resolves.toBe(first);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('json() rejects, for each reader, when the body is not JSON', async () => {
    const { calls } = pendingFetch();
    const sent = sendEarly(URL_A, AUTH);
    calls[0]!.resolve(new Response('<html>'));
    await expect(sent.json()).rejects.toThrow();
    await expect(takeEarlyResponse(URL_A.href, AUTH)!.json()).rejects.toThrow();
  });

  it('a failed early request is not an unhandled rejection when nobody takes it', async () => {
    vi.stubGlobal('fetch', vi.fn<FetchImpl>(() => Promise.reject(new TypeError('Failed to fetch'))));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      void sendEarly(URL_A, AUTH);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
