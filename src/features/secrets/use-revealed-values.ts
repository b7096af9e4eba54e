import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { VALUE_TYPE, type RenderedSecretsResponse } from '@/api/contract';
import { secretQueries } from './queries';

export type RevealState =
  | { status: 'hidden' }
  | { status: 'pending' }
  | { status: 'error'; error: unknown }
  | { status: 'shown'; value: string | null; expiresAt: number };

interface State {
  /** Keys revealed one by one, with the time each hides itself. */
  keys: Map<string, number>;
  /** When everything is revealed: the time it hides itself. */
  allUntil: number | null;
}

const EMPTY: State = { keys: new Map(), allUntil: null };
// Shared instances, so memoized rows that are not revealed do not re-render.
const HIDDEN: RevealState = { status: 'hidden' };
const PENDING: RevealState = { status: 'pending' };

function valueIn(data: RenderedSecretsResponse | undefined, key: string): string | null | undefined {
  const secret = data?.secrets.find((s) => s.key === key);
  if (!secret) return undefined;
  return secret.valueType === VALUE_TYPE.none ? null : (secret.serializedValue ?? null);
}

/**
 * Revealed values of one environment. They live only in Full-mode react-query entries, which are
 * removed (not merely unobserved) when hidden, on auto-hide, when the tab is hidden, and when the
 * environment or app changes. A response that arrives after hide is discarded with its entry.
 */
export function useRevealedValues({ appId, envId, autoHideMs }: { appId: string; envId: string; autoHideMs: number }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>(EMPTY);

  const removeEntries = useCallback(
    (names?: readonly string[]) => {
      const filters = { queryKey: secretQueries.rendered({ appId, envId, mode: 'Full', names }).queryKey, exact: true };
      void queryClient.cancelQueries(filters);
      queryClient.removeQueries(filters);
    },
    [queryClient, appId, envId],
  );

  const hideAll = useCallback(() => {
    setState(EMPTY);
    void queryClient.cancelQueries({ queryKey: secretQueries.revealedIn(appId, envId) });
    queryClient.removeQueries({ queryKey: secretQueries.revealedIn(appId, envId) });
  }, [queryClient, appId, envId]);

  const hide = useCallback(
    (key: string) => {
      setState((s) => {
        if (!s.keys.has(key)) return s;
        const keys = new Map(s.keys);
        keys.delete(key);
        return { ...s, keys };
      });
      removeEntries([key]);
      // While everything is revealed, hiding one row strips its value out of the shared entry.
      queryClient.setQueryData<RenderedSecretsResponse>(
        secretQueries.rendered({ appId, envId, mode: 'Full' }).queryKey,
        (data) => (data ? { ...data, secrets: data.secrets.filter((s) => s.key !== key) } : data),
      );
    },
    [removeEntries, queryClient, appId, envId],
  );

  const reveal = useCallback(
    (key: string) => setState((s) => ({ ...s, keys: new Map(s.keys).set(key, Date.now() + autoHideMs) })),
    [autoHideMs],
  );

  const revealAll = useCallback(() => setState((s) => ({ ...s, allUntil: Date.now() + autoHideMs })), [autoHideMs]);

  // Leaving the environment (or the page) drops every revealed value of it.
  useEffect(() => hideAll, [hideAll]);

  // Switching tabs or minimising hides everything.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hideAll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [hideAll]);

  // Auto-hide: one timer, set for the earliest expiry.
  const nextExpiry = useMemo(() => {
    const times = [...state.keys.values()];
    if (state.allUntil !== null) times.push(state.allUntil);
    return times.length ? Math.min(...times) : null;
  }, [state]);
  useEffect(() => {
    if (nextExpiry === null) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      if (state.allUntil !== null && state.allUntil <= now) {
        hideAll();
        return;
      }
      for (const [key, until] of state.keys) if (until <= now) hide(key);
    }, Math.max(0, nextExpiry - Date.now()));
    return () => clearTimeout(timer);
  }, [nextExpiry, state, hide, hideAll]);

  const singleKeys = useMemo(() => [...state.keys.keys()], [state.keys]);
  const singles = useQueries({
    queries: singleKeys.map((key) => secretQueries.rendered({ appId, envId, mode: 'Full', names: [key] })),
  });
  const all = useQuery({ ...secretQueries.rendered({ appId, envId, mode: 'Full' }), enabled: state.allUntil !== null });

  const stateOf = useCallback(
    (key: string): RevealState => {
      if (state.allUntil !== null) {
        if (all.data) {
          const value = valueIn(all.data, key);
          if (value !== undefined) return { status: 'shown', value, expiresAt: state.allUntil };
        } else if (all.isError) return { status: 'error', error: all.error };
        else if (!state.keys.has(key)) return PENDING;
      }
      const index = singleKeys.indexOf(key);
      if (index < 0) return HIDDEN;
      const query = singles[index];
      if (!query || query.isPending) return PENDING;
      if (query.isError) return { status: 'error', error: query.error };
      return { status: 'shown', value: valueIn(query.data, key) ?? null, expiresAt: state.keys.get(key) ?? 0 };
    },
    [state, all.data, all.isError, all.error, singleKeys, singles],
  );

  return {
    stateOf,
    reveal,
    hide,
    revealAll,
    hideAll,
    allRevealed: state.allUntil !== null,
    allPending: state.allUntil !== null && all.isPending,
    allError: state.allUntil !== null && all.isError ? all.error : null,
    anyRevealed: state.allUntil !== null || state.keys.size > 0,
  };
}
