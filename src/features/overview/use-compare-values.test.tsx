import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { apiClient, apiRequest } from '@/api/client';
import { endpoints, type Environment } from '@/api/contract';
import { createQueryClient } from '@/api/query-client';
import { preferencesStore } from '@/lib/preferences';
import { isProductionEnvironment } from '@/lib/production';
import { APP, secretId } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { verdictOf, type Risk, type Verdict } from './compare-model';
import type { ReadFullList } from '@/lib/full-reads';
import { useCompareValues } from './use-compare-values';

const fake = useFakeApi();
beforeEach(() => apiClient.setSession({ baseUrl: TEST_API_BASE, readToken: 'demo-token' }));
afterEach(() => vi.useRealTimers());

/** The route's fetch: the secrets feature's request in Full mode, through the same client. */
// Compare reads whole environments (no names).
const fetchFull: ReadFullList = async (envId, _names, signal) => (await apiRequest(endpoints.renderedSecrets({ appId: APP, envId, mode: 'Full' }), signal)).secrets;

function renderCompare(fetch: ReadFullList = fetchFull) {
  const queryClient = createQueryClient({ retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { ...renderHook(() => useCompareValues(APP, fetch), { wrapper }), queryClient };
}

/** The verdict the comparison should reach for a value, from the clear values themselves. */
function expected(value: string | undefined, production: string | undefined, isProduction: boolean, isReference: boolean): { verdict: Verdict; risks: Risk[] } {
  if (value === undefined) return { verdict: 'missing', risks: [] };
  const risks: Risk[] = [];
  if (!isReference && !isProduction && value === production) risks.push('equals production');
  if (value !== value.trim()) risks.push('whitespace');
  if (/^(changeme|todo|x{3,}|<[^<>]*>)$/i.test(value.trim())) risks.push('placeholder');
  return { verdict: isReference ? 'production' : value === production ? 'same' : 'differs', risks };
}

describe('useCompareValues', () => {
  it('groups every key against production from Full lists fetched one by one, flags risks, leaves no value in the caches, and drops results when the session ends', async () => {
    const environments = fake.store.listEnvironments();
    const prod = environments.findIndex(isProductionEnvironment);
    const [dev, qa] = environments.filter((env) => !isProductionEnvironment(env)) as [Environment, Environment];
    // Planted: a placeholder, whitespace, and a non-production value equal to production's.
    const [a, b, c] = fake.store.rendered(APP, dev.id, 'Full')!.secrets.map((s) => s.key) as [string, string, string];
    fake.store.setValue(APP, secretId(fake, a), dev.id, 'ChangeMe');
    fake.store.setValue(APP, secretId(fake, b), qa.id, 'planted-value-b ');
    fake.store.setValue(APP, secretId(fake, c), environments[prod]!.id, 'planted-value-c');
    fake.store.setValue(APP, secretId(fake, c), qa.id, 'planted-value-c');
    const lists = environments.map((env) => fake.store.rendered(APP, env.id, 'Full')!.secrets);
    const valueOf = (column: number, key: string) => lists[column]!.find((s) => s.key === key)?.serializedValue;

    const asked: string[] = [];
    fake.server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get('mode') === 'Full') asked.push(url.searchParams.get('environment') ?? '');
    });
    const { result, queryClient, unmount } = renderCompare();
    // The overview's masked list is in the cache, as on the page.
    await queryClient.fetchQuery({ queryKey: ['list', dev.id], queryFn: () => apiRequest(endpoints.renderedSecrets({ appId: APP, envId: dev.id, mode: 'PreviewOnly' })) });

    let run: Promise<void> = Promise.resolve();
    act(() => void (run = result.current.start(environments)));
    expect(result.current.state).toEqual({ status: 'running', done: 0, total: environments.length });
    await act(() => run);
    expect(result.current.state.status).toBe('done');
    // Production first, then the others in column order: one Full request each.
    expect(asked).toEqual([environments[prod]!.id, ...environments.filter((_, i) => i !== prod).map((env) => env.id)]);

    const state = result.current.state;
    if (state.status !== 'done') throw new Error('not done');
    const { comparison } = state;
    for (const [column, env] of environments.entries()) {
      for (const { key } of lists[0]!) {
        const want = expected(valueOf(column, key), valueOf(prod, key), isProductionEnvironment(env), column === prod);
        expect([key, env.slug, verdictOf(comparison, key, column)]).toEqual([key, env.slug, want]);
      }
    }
    expect(verdictOf(comparison, a, 0).risks).toContain('placeholder');
    expect(verdictOf(comparison, b, environments.indexOf(qa)).risks).toContain('whitespace');
    expect(verdictOf(comparison, c, environments.indexOf(qa))).toEqual({ verdict: 'same', risks: ['equals production'] });
    expect([...comparison.riskyKeys]).toEqual(expect.arrayContaining([a, b, c]));

    // Nothing in react-query's caches holds a clear value: the Full lists never went there.
    const cached = JSON.stringify([...queryClient.getQueryCache().getAll().map((q) => q.state), ...queryClient.getMutationCache().getAll().map((m) => m.state)]);
    expect(cached).toContain(lists[0]![0]!.key);
    for (const planted of ['planted-value-b', 'planted-value-c', 'ChangeMe']) expect(cached).not.toContain(planted);

    // A session set again (renewal) keeps them; sign-out, a 401 or a timeout clears it: the results go.
    act(() => apiClient.setSession({ baseUrl: TEST_API_BASE, readToken: 'demo-token' }));
    expect(result.current.state.status).toBe('done');
    act(() => apiClient.setSession(null));
    expect(result.current.state).toEqual({ status: 'idle' });
    unmount();
  });

  it('hides results after the auto-hide delay, and cancels a running comparison (its request aborted)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    preferencesStore.set({ autoHideSeconds: 15 });
    const environments = fake.store.listEnvironments();
    const signals: AbortSignal[] = [];
    let hang = false;
    const stub: ReadFullList = (_envId, _names, signal) => {
      signals.push(signal);
      if (hang) return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      return Promise.resolve([]);
    };
    const { result, unmount } = renderCompare(stub);
    expect(result.current.hideAfterSeconds).toBe(15);
    await act(() => result.current.start(environments));
    expect(result.current.state.status).toBe('done');
    act(() => vi.advanceTimersByTime(14_999));
    expect(result.current.state.status).toBe('done');
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.state).toEqual({ status: 'idle' });

    hang = true;
    let cancelled: Promise<void> = Promise.resolve();
    await act(async () => {
      cancelled = result.current.start(environments);
      await vi.waitFor(() => expect(signals).toHaveLength(environments.length + 1));
    });
    act(() => result.current.clear());
    await act(() => cancelled);
    expect(signals.at(-1)?.aborted).toBe(true);
    expect(result.current.state).toEqual({ status: 'idle' });
    unmount();
  });
});
