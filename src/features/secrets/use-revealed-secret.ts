import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { VALUE_TYPE } from '@/api/contract';
import { secretQueries } from './queries';
import type { RevealState } from './use-revealed-values';

const HIDDEN: RevealState = { status: 'hidden' };
const PENDING: RevealState = { status: 'pending' };
const NONE = new Map<string, number>();

/**
 * One secret's values revealed per environment (the secret's page). Same rules as the list's
 * `useRevealedValues`: a value lives only in its Full-mode entry (filtered to the secret's name),
 * which is removed, not merely unobserved, on hide, on auto-hide, when the tab is hidden and when
 * the page is left.
 */
export function useRevealedSecret({ appId, secretName, autoHideMs }: { appId: string; secretName: string; autoHideMs: number }) {
  const queryClient = useQueryClient();
  /** envId → when it hides itself. */
  const [revealed, setRevealed] = useState<Map<string, number>>(NONE);

  const fullKey = useCallback(
    (envId: string) => secretQueries.rendered({ appId, envId, mode: 'Full', names: [secretName] }).queryKey,
    [appId, secretName],
  );

  const hide = useCallback(
    (envId: string) => {
      setRevealed((m) => {
        if (!m.has(envId)) return m;
        const next = new Map(m);
        next.delete(envId);
        return next;
      });
      const filters = { queryKey: fullKey(envId), exact: true };
      void queryClient.cancelQueries(filters);
      queryClient.removeQueries(filters);
    },
    [queryClient, fullKey],
  );

  const hideAll = useCallback(() => {
    setRevealed(NONE);
    const filters = {
      queryKey: secretQueries.app(appId),
      predicate: ({ queryKey }: { queryKey: readonly unknown[] }) => {
        const last = queryKey[4] as { mode?: unknown; names?: unknown } | undefined;
        return (
          queryKey[3] === 'rendered' &&
          last?.mode === 'Full' &&
          Array.isArray(last.names) &&
          last.names.length === 1 &&
          last.names[0] === secretName
        );
      },
    };
    void queryClient.cancelQueries(filters);
    queryClient.removeQueries(filters);
  }, [queryClient, appId, secretName]);

  const reveal = useCallback((envId: string) => setRevealed((m) => new Map(m).set(envId, Date.now() + autoHideMs)), [autoHideMs]);

  // Leaving the page (or switching to another secret) drops every revealed value.
  useEffect(() => hideAll, [hideAll]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hideAll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [hideAll]);

  const nextExpiry = useMemo(() => (revealed.size ? Math.min(...revealed.values()) : null), [revealed]);
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      for (const [envId, until] of revealed) if (until <= now) hide(envId);
    }, Math.max(0, nextExpiry - Date.now()));
    return () => clearTimeout(timer);
  }, [nextExpiry, revealed, hide]);

  const envIds = useMemo(() => [...revealed.keys()], [revealed]);
  const results = useQueries({
    queries: envIds.map((envId) => secretQueries.rendered({ appId, envId, mode: 'Full', names: [secretName] })),
  });

  const stateOf = (envId: string): RevealState => {
    const index = envIds.indexOf(envId);
    if (index < 0) return HIDDEN;
    const query = results[index];
    if (!query || query.isPending) return PENDING;
    if (query.isError) return { status: 'error', error: query.error };
    const secret = query.data.secrets.find((s) => s.key === secretName);
    const value = !secret || secret.valueType === VALUE_TYPE.none ? null : (secret.serializedValue ?? null);
    return { status: 'shown', value, expiresAt: revealed.get(envId) ?? 0 };
  };

  return { stateOf, reveal, hide, hideAll };
}
