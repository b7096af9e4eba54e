import { useCallback, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { sessionStore, type Session } from './session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
}

/**
 * Sign-out forgets the tokens and every piece of server data in memory (clear, not invalidate),
 * and clears a copied value from the clipboard if it is still there.
 */
export function useSignOut(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    sessionStore.signOut();
    queryClient.clear();
    clipboardGuard.clearNow();
  }, [queryClient]);
}
