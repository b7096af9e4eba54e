// @vitest-environment node
/** The API client when no answer comes: network errors, timeouts, aborts, no session. */
import { appSchema, endpoints } from './contract';
import { call, catchError, fakeFetch, json, setup } from './client-test-helpers';

// -------------------------------------------------------------------------------------------------
describe('transport failures', () => {
  /** A fetch that answers only by rejecting when its signal aborts, like the real one. */
  const hangingFetch = () =>
    fakeFetch(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal;
          const fail = () => reject(new DOMException('This operation was aborted', 'AbortError'));
          if (signal?.aborted) fail();
          else signal?.addEventListener('abort', fail, { once: true });
        }),
    );

  it("a rejected fetch (TypeError) → kind 'network'", async () => {
    const { client } = setup({ fetch: fakeFetch(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.endpoint).toBe('list environments');
    expect(error.message).toMatch(/list environments/);
  });

  it("no answer within timeoutMs → kind 'timeout'", async () => {
    vi.useFakeTimers();
    try {
      const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 20 });
      let settled = false;
      const pending = catchError(client.request(endpoints.listEnvironments())).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(19);
      expect(settled).toBe(false);
      expect(call(fetch).init.signal?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await pending;
      expect(error.kind).toBe('timeout');
      expect(call(fetch).init.signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a per-request timeoutMs overrides the default', async () => {
    const { client } = setup({ fetch: hangingFetch(), timeoutMs: 60_000 });
    const error = await catchError(client.request(endpoints.listEnvironments(), { timeoutMs: 10 }));
    expect(error.kind).toBe('timeout');
  });

  it('a quick answer is not turned into a timeout later', async () => {
    vi.useFakeTimers();
    try {
      const { client, fetch } = setup({ timeoutMs: 20 });
      await expect(client.request(endpoints.listEnvironments())).resolves.toEqual({ environments: [] });
      await vi.advanceTimersByTimeAsync(40);
      expect(call(fetch).init.signal?.aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the caller's signal aborting → kind 'aborted'", async () => {
    const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.request(endpoints.listEnvironments(), { signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    controller.abort();
    const error = await catchError(pending);
    expect(error.kind).toBe('aborted');
  });

  it("a caller signal that is already aborted → kind 'aborted'", async () => {
    const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 5_000 });
    const error = await catchError(client.request(endpoints.listEnvironments(), { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    if (fetch.mock.calls.length > 0) expect(call(fetch).init.signal?.aborted).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------
describe('without a session', () => {
  it('fails with status 401 and does not call fetch', async () => {
    const { client, fetch } = setup({ session: null });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(401);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails again after setSession(null)', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json({ id: 'a', name: 'a', slug: 'a' })) });
    await client.request({ name: 'app', method: 'GET', path: '/apps/a', scope: 'read', schema: appSchema });
    client.setSession(null);
    expect(client.session).toBeNull();
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
