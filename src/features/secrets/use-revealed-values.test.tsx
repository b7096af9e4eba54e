import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { QueryClientProvider, useQueries, type QueryClient } from '@tanstack/react-query';
import { apiClient } from '@/api/client';
import type { RenderedSecretsResponse } from '@/api/contract';
import { createQueryClient, REVEALED_KEY } from '@/api/query-client';
import { setVisibility } from '@/testing/browse-helpers';
import { APP, secretId, storedValue } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { secretQueryKeys } from './query-keys';
import { revealedQuery } from './revealed-query';
import { afterValueWritten } from './use-set-secret-value';
import { useRevealedValues, type RevealedValuesOptions } from './use-revealed-values';

const fake = useFakeApi();

const DEV = 'env_dev';
const PROD = 'env_prod';
const NAME = 'OAUTH_CLIENT_ID';
const OTHER = 'SMTP_USERNAME';
/** The (environment, name) pairs the page shows. */
const SHOWN: ReadonlyArray<readonly [string, string]> = [DEV, PROD].flatMap((env) => [NAME, OTHER].map((name) => [env, name] as const));

// Signed in as the app would be (useFakeApi signs out after each test).
beforeEach(() => apiClient.setSession({ baseUrl: TEST_API_BASE, readToken: 'demo-token' }));
afterEach(() => setVisibility('visible'));

/**
 * The hook with what the mounted RevealedValue components would read: one observer per revealed
 * (environment, name), of its own entry or of its environment's "reveal all" entry.
 */
function useRevealedWithReaders(options: RevealedValuesOptions) {
  const reveal = useRevealedValues(options);
  const read = new Map<string, ReturnType<typeof revealedQuery>>();
  for (const [envId, name] of SHOWN) {
    const how = reveal.revealOf(envId, name);
    const query = how && revealedQuery({ appId: options.appId, envId, names: how.source === 'single' ? [name] : undefined });
    if (query) read.set(JSON.stringify(query.queryKey), query);
  }
  useQueries({ queries: [...read.values()] });
  return reveal;
}

function renderReveal(options: Partial<RevealedValuesOptions> = {}) {
  const queryClient = createQueryClient({ retry: false });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  const initialProps: RevealedValuesOptions = { appId: APP, envIds: [DEV, PROD], autoHideMs: 60_000, ...options };
  const view = renderHook((props: RevealedValuesOptions) => useRevealedWithReaders(props), { wrapper, initialProps });
  return { ...view, queryClient };
}

const revealedEntries = (queryClient: QueryClient) => queryClient.getQueryCache().findAll({ queryKey: REVEALED_KEY });
const valueIn = (queryClient: QueryClient, envId: string, name: string, names?: string[]) =>
  queryClient.getQueryData<RenderedSecretsResponse>(secretQueryKeys.revealedValues(APP, envId, names))?.secrets.find((s) => s.key === name)?.serializedValue;

describe('useRevealedValues', { timeout: 20_000 }, () => {
  it('reveals one value into an entry of its own and removes that entry on hide', async () => {
    const { result, queryClient } = renderReveal();
    const before = Date.now();
    act(() => result.current.reveal(DEV, NAME));
    expect(result.current.revealOf(DEV, NAME)).toEqual({ source: 'single', expiresAt: expect.any(Number) });
    expect(result.current.revealOf(DEV, NAME)!.expiresAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(result.current.revealOf(PROD, NAME)).toBeNull();
    await waitFor(() => expect(valueIn(queryClient, DEV, NAME, [NAME])).toBe(storedValue(fake, NAME, DEV)));

    act(() => result.current.hide(DEV, NAME));
    expect(result.current.revealOf(DEV, NAME)).toBeNull();
    expect(result.current.anyRevealed).toBe(false);
    expect(revealedEntries(queryClient)).toHaveLength(0);
  });

  it('"reveal all" shares one entry; hiding one name strips it from that entry; hiding the environment removes it', async () => {
    const { result, queryClient } = renderReveal();
    act(() => result.current.revealAll(PROD));
    expect(result.current.isAllRevealed(PROD)).toBe(true);
    expect(result.current.revealOf(PROD, OTHER)?.source).toBe('all');
    await waitFor(() => expect(valueIn(queryClient, PROD, NAME)).toBe(storedValue(fake, NAME, PROD)));

    act(() => result.current.hide(PROD, NAME));
    expect(result.current.revealOf(PROD, NAME)).toBeNull();
    expect(result.current.revealOf(PROD, OTHER)?.source).toBe('all');
    expect(valueIn(queryClient, PROD, NAME)).toBeUndefined();
    expect(valueIn(queryClient, PROD, OTHER)).toBe(storedValue(fake, OTHER, PROD));

    act(() => result.current.hideEnvironment(PROD));
    expect(result.current.isAllRevealed(PROD)).toBe(false);
    expect(revealedEntries(queryClient)).toHaveLength(0);
  });

  it('hides each value by itself when its time is up, removing its entry', async () => {
    const { result, queryClient } = renderReveal({ autoHideMs: 200 });
    act(() => result.current.reveal(DEV, NAME));
    act(() => result.current.revealAll(PROD));
    expect(result.current.anyRevealed).toBe(true);
    await waitFor(() => expect(result.current.anyRevealed).toBe(false));
    expect(revealedEntries(queryClient)).toHaveLength(0);
  });

  /** One value in Development and in Production, and everything in Development: three entries, loaded. */
  async function revealThree(result: ReturnType<typeof renderReveal>['result'], queryClient: QueryClient) {
    act(() => {
      result.current.reveal(DEV, NAME);
      result.current.reveal(PROD, NAME);
      result.current.revealAll(DEV);
    });
    await waitFor(() => expect(revealedEntries(queryClient).filter((q) => q.state.data !== undefined)).toHaveLength(3));
  }

  it('hides everything when the tab becomes hidden', async () => {
    const { result, queryClient } = renderReveal();
    await revealThree(result, queryClient);
    act(() => setVisibility('hidden'));
    expect(result.current.anyRevealed).toBe(false);
    expect(revealedEntries(queryClient)).toHaveLength(0);
  });

  it('leaving (unmount) removes every revealed entry of its environments, and no other', async () => {
    const { result, queryClient, unmount } = renderReveal();
    const elsewhere = secretQueryKeys.revealedValues('app_other', DEV, [NAME]);
    queryClient.setQueryData(elsewhere, { secretDigest: 'd', incrementalId: 1, secrets: [] });
    act(() => {
      result.current.reveal(DEV, NAME);
      result.current.reveal(PROD, OTHER);
    });
    await waitFor(() => expect(revealedEntries(queryClient).filter((q) => q.state.data !== undefined)).toHaveLength(3));
    unmount();
    expect(revealedEntries(queryClient).map((q) => q.queryKey)).toEqual([elsewhere]);
  });

  it('another environment (a change of scope) removes what was revealed in the one left', async () => {
    const { result, queryClient, rerender } = renderReveal({ envIds: [DEV] });
    act(() => result.current.reveal(DEV, NAME));
    await waitFor(() => expect(valueIn(queryClient, DEV, NAME, [NAME])).toBeDefined());
    // The same environments in a new array are no change.
    rerender({ appId: APP, envIds: [DEV], autoHideMs: 60_000 });
    expect(result.current.revealOf(DEV, NAME)).not.toBeNull();

    rerender({ appId: APP, envIds: [PROD], autoHideMs: 60_000 });
    expect(result.current.revealOf(DEV, NAME)).toBeNull();
    expect(queryClient.getQueryCache().findAll({ queryKey: secretQueryKeys.revealedIn(APP, DEV) })).toHaveLength(0);
  });

  it('a write to an environment hides what was revealed there, and only there', async () => {
    const { result, queryClient } = renderReveal();
    await revealThree(result, queryClient);

    await act(() => afterValueWritten(queryClient, { appId: APP, secretId: secretId(fake, NAME), envId: DEV }));
    expect(result.current.revealOf(DEV, NAME)).toBeNull();
    expect(result.current.isAllRevealed(DEV)).toBe(false);
    expect(result.current.revealOf(PROD, NAME)).toEqual({ source: 'single', expiresAt: expect.any(Number) });
    expect(revealedEntries(queryClient).map((q) => q.queryKey)).toEqual([secretQueryKeys.revealedValues(APP, PROD, [NAME])]);
  });

  it('hiding a pending reveal cancels its request and keeps no entry', async () => {
    fake.faults.add({ match: { path: /secrets\/rendered/, mode: 'Full' }, fault: { kind: 'hang' } });
    const started: Request[] = [];
    fake.server.events.on('request:start', ({ request }) => void started.push(request));
    const { result, queryClient } = renderReveal();
    act(() => result.current.reveal(DEV, NAME));
    await waitFor(() => expect(started).toHaveLength(1));
    expect(queryClient.isFetching({ queryKey: REVEALED_KEY })).toBe(1);

    act(() => result.current.hide(DEV, NAME));
    expect(revealedEntries(queryClient)).toHaveLength(0);
    await waitFor(() => expect(started[0]!.signal.aborted).toBe(true));
    expect(revealedEntries(queryClient)).toHaveLength(0);
    fake.server.events.removeAllListeners();
  });
});
