// @vitest-environment node
/** The API client's errors: HTTP statuses normalized to ApiError, tokens never in them, 401 signalled once. */
import { createSecretBody, endpoints, type Endpoint } from './contract';
import { CANARY, READ_TOKEN, WRITE_TOKEN, catchError, fakeFetch, json, setup } from './client-test-helpers';

// -------------------------------------------------------------------------------------------------
describe('error normalization', () => {
  const errorBody = (message: string, extra: Record<string, unknown> = {}) => ({
    requestId: 'req-123',
    error: 'SomeError',
    message,
    ...extra,
  });

  it.each([
    [400, { errorType: 'DataEntityNonSingular' }],
    [401, {}],
    [403, { errorType: 'Forbidden' }],
    [404, {}],
    [500, {}],
    [503, { errorType: 'Unavailable' }],
  ] as const)('HTTP %i → kind http with the server fields', async (status, extra) => {
    const { client } = setup({ fetch: fakeFetch(async () => json(errorBody(`server says ${status}`, extra), { status })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(error.endpoint).toBe('list environments');
    expect(error.message).toBe(`server says ${status}`);
    expect(error.requestId).toBe('req-123');
    expect(error.error).toBe('SomeError');
    expect(error.errorType).toBe('errorType' in extra ? extra.errorType : undefined);
    expect(error.isClientError).toBe(status < 500);
    expect(error.isServerError).toBe(status >= 500);
    expect(error.message).not.toContain(READ_TOKEN);
  });

  it('409 carries the entityId of the existing secret', async () => {
    const { client } = setup({
      session: { writeToken: WRITE_TOKEN },
      fetch: fakeFetch(async () => json(errorBody('A secret named X exists', { entityId: 'secret-42' }), { status: 409 })),
    });
    const error = await catchError(client.request(endpoints.createSecret('app-1', createSecretBody('X', 'Other'))));
    expect(error).toMatchObject({
      kind: 'http',
      status: 409,
      message: 'A secret named X exists',
      entityId: 'secret-42',
      requestId: 'req-123',
      endpoint: 'create secret',
    });
  });

  it('429 with Retry-After in seconds → retryAfterMs', async () => {
    const { client } = setup({
      fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429, headers: { 'Retry-After': '7' } })),
    });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error).toMatchObject({ kind: 'http', status: 429, message: 'slow down', retryAfterMs: 7_000 });
  });

  it('429 with Retry-After as an HTTP date → retryAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const now = new Date('2030-01-01T12:00:00.000Z');
      vi.setSystemTime(now);
      const at = new Date(now.getTime() + 30_000).toUTCString();
      const { client } = setup({
        fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429, headers: { 'Retry-After': at } })),
      });
      const error = await catchError(client.request(endpoints.listEnvironments()));
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('429 without Retry-After has no retryAfterMs', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429 })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.retryAfterMs).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 409, 413, 429, 500, 503])('HTTP %i with a non-JSON body → a fallback message', async (status) => {
    const { client } = setup({
      fetch: fakeFetch(async () => new Response(`<html>${CANARY} ${READ_TOKEN}</html>`, { status, headers: { 'Content-Type': 'text/html' } })),
    });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain(CANARY);
    expect(error.message).not.toContain(READ_TOKEN);
    expect(error.requestId).toBeUndefined();
    expect(String(error.cause)).not.toContain(CANARY);
  });

  it('a 413 from a proxy (an HTML page) reads as too large, with the limit', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => new Response('<html>413 Request Entity Too Large</html>', { status: 413, headers: { 'Content-Type': 'text/html' } })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.status).toBe(413);
    expect(error.message).toBe('Too large: the server refused the request to list environments (HTTP 413). A value can be at most 1 MiB of UTF-8.');
  });

  it('falls back to the status message when the JSON error body has no or a blank message', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ requestId: 'r-1', message: '   ' }, { status: 503 })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.message).toMatch(/list environments/);
    expect(error.message).toMatch(/503/);
    expect(error.requestId).toBe('r-1');
  });

  it('never puts the token into the message, even if the server echoes it', async () => {
    const { client } = setup({
      session: { writeToken: WRITE_TOKEN },
      fetch: fakeFetch(async () =>
        json(
          { requestId: 'r-1', error: `bad ${WRITE_TOKEN}`, message: `Token ${READ_TOKEN} is not valid (also ${WRITE_TOKEN})` },
          { status: 401 },
        ),
      ),
    });
    const both: Endpoint<unknown>[] = [endpoints.listEnvironments(), endpoints.setValue('a', 's', 'e', 'v')];
    for (const endpoint of both) {
      const error = await catchError(client.request(endpoint));
      expect(error.status).toBe(401);
      for (const text of [error.message, String(error.error), String(error), JSON.stringify(error)]) {
        expect(text).not.toContain(READ_TOKEN);
        expect(text).not.toContain(WRITE_TOKEN);
      }
      expect(error.message).toMatch(/not valid/);
    }
  });

  it('a token that cannot be sent in a header gives an ApiError that does not quote the token', async () => {
    const badToken = `line1\n${CANARY}`;
    const { client, fetch } = setup({ session: { readToken: badToken } });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(CANARY);
    expect(String(error.cause)).not.toContain(CANARY);
    expect(fetch).not.toHaveBeenCalled();
  });
});

// -------------------------------------------------------------------------------------------------
describe('onUnauthorized', () => {
  it('is called once per session even after several 401s, and again after a new setSession', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ message: 'no' }, { status: 401 })) });
    const listener = vi.fn();
    const other = vi.fn();
    client.onUnauthorized(listener);
    const unsubscribe = client.onUnauthorized(other);

    await catchError(client.request(endpoints.listEnvironments()));
    await catchError(client.request(endpoints.listApps()));
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);

    unsubscribe();
    client.setSession({ baseUrl: '/api', readToken: 'another-token' });
    await catchError(client.request(endpoints.listEnvironments()));
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('is not called for other statuses', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ message: 'no' }, { status: 403 })) });
    const listener = vi.fn();
    client.onUnauthorized(listener);
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).not.toHaveBeenCalled();
  });

  it('a 401 answering a request of an earlier session does not sign the new session out', async () => {
    let answer!: (r: Response) => void;
    const fetch = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { client } = setup({ fetch });
    const listener = vi.fn();
    client.onUnauthorized(listener);
    const pending = client.request(endpoints.listEnvironments());
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    client.setSession({ baseUrl: '/api', readToken: 'fresh-token' });
    answer(json({ message: 'expired' }, { status: 401 }));
    await catchError(pending);
    expect(listener).not.toHaveBeenCalled();
  });
});
