import { useCallback, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { secretQueries } from './queries';
import { useHideTriggers } from './use-hide-triggers';

const NONE = new Map<string, number>();

/**
 * One secret's values revealed per environment (the secret's page). Same rules as the list's
 * `useRevealedValues`: this state says which environments are revealed and until when, never the
 * value; a value lives only in its Full-mode entry (filtered to the secret's name), read by a
 * mounted RevealedValue, and the entry is
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

  const nextExpiry = useMemo(() => (revealed.size ? Math.min(...revealed.values()) : null), [revealed]);
  const onExpiry = useCallback(
    (now: number) => {
      for (const [envId, until] of revealed) if (until <= now) hide(envId);
    },
    [revealed, hide],
  );
  useHideTriggers({ hideAll, nextExpiry, onExpiry });

  /** When the value in `envId` hides itself, or null while it is masked. */
  const expiryOf = useCallback((envId: string): number | null => revealed.get(envId) ?? null, [revealed]);

  return { expiryOf, reveal, hide, hideAll };
}
