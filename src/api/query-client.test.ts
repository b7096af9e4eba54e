// @vitest-environment node
import { focusManager, MutationObserver, onlineManager, QueryObserver, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError, type ApiErrorKind } from './api-error';
import { ApiClient } from './client';
import { endpoints } from './contract';
import { createQueryClient, FULL_ENTRY_GC_MS, MAX_READ_RETRIES, readRetryDelay, REVEALED_KEY, shouldRetryRead } from './query-client';

function apiError(kind: ApiErrorKind, status?: number, retryAfterMs?: number): ApiError {
  return new ApiError({ kind, status, retryAfterMs, endpoint: 'list environments', message: 'failed' });
}

describe('shouldRetryRead', () => {
  it.each([
    ['network', undefined],
    ['timeout', undefined],
    ['http', 500],
    ['http', 502],
    ['http', 503],
    ['http', 504],
    ['http', 429],
  ] as const)('retries %s %s below the max', (kind, status) => {
    for (let count = 0; count < MAX_READ_RETRIES; count++) {
      expect(shouldRetryRead(count, apiError(kind, status))).toBe(true);
    }
  });

  it.each([
    ['network', undefined],
    ['timeout', undefined],
    ['http', 503],
    ['http', 429],
  ] as const)('stops retrying %s %s at the max count', (kind, status) => {
    expect(shouldRetryRead(MAX_READ_RETRIES, apiError(kind, status))).toBe(false);
    expect(shouldRetryRead(MAX_READ_RETRIES + 1, apiError(kind, status))).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 422])('never retries HTTP %i', (status) => {
    expect(shouldRetryRead(0, apiError('http', status))).toBe(false);
  });

  it.each(['unexpected-response', 'aborted'] as const)('never retries %s', (kind) => {
    expect(shouldRetryRead(0, apiError(kind))).toBe(false);
  });

  it('never retries an http error without a status', () => {
    expect(shouldRetryRead(0, apiError('http'))).toBe(false);
  });

  it.each([new Error('boom'), new TypeError('x is undefined'), 'a string', undefined, { kind: 'network' }])(
    'never retries a non-ApiError (%s)',
    (error) => {
      expect(shouldRetryRead(0, error)).toBe(false);
    },
  );

  it('allows three retries in total: a fourth failure is final', () => {
    expect(shouldRetryRead(2, apiError('http', 503))).toBe(true);
    expect(shouldRetryRead(3, apiError('http', 503))).toBe(false);
    expect(shouldRetryRead(3, apiError('timeout'))).toBe(false);
  });
});

describe('readRetryDelay', () => {
  it('waits Retry-After for a 429', () => {
    expect(readRetryDelay(0, apiError('http', 429, 7_000))).toBe(7_000);
    expect(readRetryDelay(2, apiError('http', 429, 1_234))).toBe(1_234);
    expect(readRetryDelay(0, apiError('http', 429, 0))).toBe(0);
  });

  it('caps Retry-After at 60 s', () => {
    expect(readRetryDelay(0, apiError('http', 429, 3_600_000))).toBe(60_000);
    expect(readRetryDelay(0, apiError('http', 429, 60_000))).toBe(60_000);
  });

  it('backs off exponentially otherwise, doubling from 500 ms (react-query passes 0 for the first retry)', () => {
    const e = apiError('http', 503);
    expect([0, 1, 2, 3].map((n) => readRetryDelay(n, e))).toEqual([500, 1_000, 2_000, 4_000]);
  });

  it('uses backoff for a 429 without Retry-After and ignores retryAfterMs on other statuses', () => {
    expect(readRetryDelay(1, apiError('http', 429))).toBe(1_000);
    expect(readRetryDelay(1, apiError('http', 503, 30_000))).toBe(1_000);
  });

  it('caps the backoff', () => {
    const e = apiError('network');
    const delays = [5, 10, 50, 1_000].map((n) => readRetryDelay(n, e));
    for (const d of delays) {
      expect(d).toBeLessThanOrEqual(8_000);
      expect(Number.isFinite(d)).toBe(true);
    }
    expect(delays[3]).toBe(8_000);
    expect(readRetryDelay(1, new Error('x'))).toBe(1_000);
  });
});

describe('createQueryClient behaviour', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const envs = { environments: [{ id: 'e1', slug: 'dev', name: 'Dev', label: 'dev' }] };

  /** An ApiClient whose fake fetch answers the given statuses in order. */
  function clientAnswering(...statuses: number[]) {
    const fetch = vi.fn(async () => {
      const status = statuses[Math.min(fetch.mock.calls.length - 1, statuses.length - 1)] ?? 200;
      return status === 200
        ? new Response(JSON.stringify(envs), { status })
        : new Response(JSON.stringify({ requestId: 'r', message: `HTTP ${status}` }), { status });
    });
    const client = new ApiClient({ fetch, origin: 'http://localhost', timeoutMs: 60_000 });
    client.setSession({ baseUrl: '/api', readToken: 'token' });
    return { client, fetch };
  }

  it('has the documented defaults', () => {
    const queryClient = createQueryClient();
    const defaults = queryClient.getDefaultOptions();
    expect(defaults.queries?.retry).toBe(shouldRetryRead);
    expect(defaults.queries?.retryDelay).toBe(readRetryDelay);
    expect(defaults.mutations?.retry).toBe(false);
    expect(createQueryClient({ retry: false }).getDefaultOptions().queries?.retry).toBe(false);
  });

  it('a read failing with 503 twice then succeeding resolves after 3 calls', async () => {
    const queryClient = createQueryClient();
    const { client, fetch } = clientAnswering(503, 503, 200);
    const promise = queryClient.fetchQuery({
      queryKey: ['envs'],
      queryFn: ({ signal }) => client.request(endpoints.listEnvironments(), { signal }),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(promise).resolves.toEqual(envs);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('waits the backoff between retries (not before)', async () => {
    const queryClient = createQueryClient();
    const { client, fetch } = clientAnswering(503, 503, 200);
    const promise = queryClient.fetchQuery({
      queryKey: ['envs'],
      queryFn: ({ signal }) => client.request(endpoints.listEnvironments(), { signal }),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    await expect(promise).resolves.toEqual(envs);
  });

  it('a read that keeps failing with 503 is tried 1 + MAX_READ_RETRIES times', async () => {
    const queryClient = createQueryClient();
    const { client, fetch } = clientAnswering(503);
    const promise = queryClient.fetchQuery({
      queryKey: ['envs'],
      queryFn: ({ signal }) => client.request(endpoints.listEnvironments(), { signal }),
    });
    const settled = promise.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await settled;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1 + MAX_READ_RETRIES);
  });

  it('a 404 read is called exactly once', async () => {
    const queryClient = createQueryClient();
    const { client, fetch } = clientAnswering(404, 200);
    const promise = queryClient.fetchQuery({
      queryKey: ['envs'],
      queryFn: ({ signal }) => client.request(endpoints.listEnvironments(), { signal }),
    });
    const settled = promise.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await settled;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a mutation failing with 503 is called exactly once', async () => {
    const queryClient = createQueryClient();
    const { client, fetch } = clientAnswering(503, 200);
    const observer = new MutationObserver(queryClient, {
      mutationFn: () => client.request(endpoints.listEnvironments()),
    });
    const settled = observer.mutate().catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const error = await settled;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reports errors of queries that already had data as background errors, not first loads', async () => {
    const onBackgroundError = vi.fn();
    const queryClient = createQueryClient({ retry: false, onBackgroundError });
    const { client } = clientAnswering(404, 200, 500);
    const fetchEnvs = () =>
      queryClient.fetchQuery({
        queryKey: ['envs'],
        queryFn: ({ signal }) => client.request(endpoints.listEnvironments(), { signal }),
        staleTime: 0,
      });
    await expect(fetchEnvs()).rejects.toBeInstanceOf(ApiError);
    expect(onBackgroundError).not.toHaveBeenCalled();
    await expect(fetchEnvs()).resolves.toEqual(envs);
    await expect(fetchEnvs()).rejects.toMatchObject({ status: 500 });
    expect(onBackgroundError).toHaveBeenCalledTimes(1);
  });
});

describe('revealed entries (the REVEALED_KEY root)', () => {
  const REVEALED: QueryKey = [...REVEALED_KEY, 'app_1', 'env_1', { names: ['API_KEY'] }];
  const MASKED: QueryKey = ['secrets', 'app_1', 'list', 'env_1', {}];

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    focusManager.setFocused(undefined);
    onlineManager.setOnline(true);
    vi.useRealTimers();
  });

  it('get their defaults from the client, once for the whole root; other entries keep the general ones', () => {
    const queryClient = createQueryClient();
    expect(queryClient.defaultQueryOptions({ queryKey: REVEALED })).toMatchObject({
      staleTime: Infinity,
      gcTime: FULL_ENTRY_GC_MS,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: shouldRetryRead,
    });
    const masked = queryClient.defaultQueryOptions({ queryKey: MASKED });
    expect(masked).toMatchObject({ staleTime: 15_000, refetchOnWindowFocus: true });
    expect(masked.gcTime).not.toBe(FULL_ENTRY_GC_MS);
    // Sign-out clears the cache, not the defaults: the next session's reveals get them too.
    queryClient.clear();
    expect(queryClient.defaultQueryOptions({ queryKey: REVEALED }).staleTime).toBe(Infinity);
  });

  /** Observes `queryKey` with a fetch that counts its calls; returns the count and the unsubscribe. */
  function observe(queryClient: QueryClient, queryKey: QueryKey) {
    const calls = { count: 0 };
    const observer = new QueryObserver(queryClient, { queryKey, queryFn: async () => ++calls.count });
    return { calls, unsubscribe: observer.subscribe(() => {}) };
  }

  it('are fetched once per reveal: no refetch on focus or reconnect, where a masked list is refetched', async () => {
    const queryClient = createQueryClient();
    queryClient.mount();
    const revealed = observe(queryClient, REVEALED);
    const masked = observe(queryClient, MASKED);
    await vi.advanceTimersByTimeAsync(0);
    expect([revealed.calls.count, masked.calls.count]).toEqual([1, 1]);

    await vi.advanceTimersByTimeAsync(60_000);
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(60_000);
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect([revealed.calls.count, masked.calls.count]).toEqual([1, 3]);
    revealed.unsubscribe();
    masked.unsubscribe();
    queryClient.unmount();
  });

  it('an unobserved revealed entry is collected after FULL_ENTRY_GC_MS (the backstop behind explicit removal)', async () => {
    const queryClient = createQueryClient();
    await queryClient.fetchQuery({ queryKey: REVEALED, queryFn: async () => 'value' });
    await vi.advanceTimersByTimeAsync(FULL_ENTRY_GC_MS - 1);
    expect(queryClient.getQueryData(REVEALED)).toBe('value');
    await vi.advanceTimersByTimeAsync(1);
    expect(queryClient.getQueryCache().find({ queryKey: REVEALED })).toBeUndefined();
  });
});
