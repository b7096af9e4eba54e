import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient, REVEALED_KEY } from '@/api/query-client';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { sessionStore } from './session-store';
import { useSession, useSignOut } from './use-session';

afterEach(() => {
  sessionStore.signOut();
  sessionStorage.clear();
});

describe('useSignOut', () => {
  it('forgets the tokens and removes every entry, revealed values included; revealed defaults stay for the next session', () => {
    const queryClient = createQueryClient({ retry: false });
    const empty = { secretDigest: 'd', incrementalId: 1, secrets: [] };
    queryClient.setQueryData([...REVEALED_KEY, 'app_1', 'env_1', { names: ['API_KEY'] }], empty);
    queryClient.setQueryData(['secrets', 'app_1', 'list', 'env_1', {}], empty);
    queryClient.setQueryData(['environments', 'list'], []);
    sessionStore.signIn({ baseUrl: '/api', readToken: 'read-token-0123', demo: false });

    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => ({ session: useSession(), signOut: useSignOut() }), { wrapper });
    expect(result.current.session).not.toBeNull();

    act(() => result.current.signOut());
    expect(result.current.session).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(queryClient.defaultQueryOptions({ queryKey: [...REVEALED_KEY, 'app_1'] }).staleTime).toBe(Infinity);
  });

  it('clears a copied value from the clipboard (the guard checks it is still ours)', () => {
    const clearNow = vi.spyOn(clipboardGuard, 'clearNow');
    const queryClient = createQueryClient({ retry: false });
    sessionStore.signIn({ baseUrl: '/api', readToken: 'read-token-0123', demo: false });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => useSignOut(), { wrapper });
    expect(clearNow).not.toHaveBeenCalled();
    act(() => result.current());
    expect(clearNow).toHaveBeenCalledTimes(1);
  });
});
