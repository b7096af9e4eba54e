import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { RenderedSecretsResponse } from '@/api/contract';
import { REVEALED_KEY } from '@/api/query-client';
import { secretQueryKeys } from './query-keys';
import { useHideTriggers } from './use-hide-triggers';

/** How a row is revealed. Never carries the value itself (see RevealedValue). */
export interface RowReveal {
  source: 'single' | 'all';
  expiresAt: number;
}

interface State {
  /** Keys revealed one by one, with the time each hides itself. */
  keys: ReadonlyMap<string, number>;
  /** When everything is revealed: the time it hides itself. */
  allUntil: number | null;
  /** Keys hidden one by one while everything is revealed. */
  excluded: ReadonlySet<string>;
}

const EMPTY: State = { keys: new Map(), allUntil: null, excluded: new Set() };

function without(data: RenderedSecretsResponse | undefined, key: string): RenderedSecretsResponse | undefined {
  if (!data || !data.secrets.some((s) => s.key === key)) return data;
  return { ...data, secrets: data.secrets.filter((s) => s.key !== key) };
}

function dropKey(s: State, key: string): State {
  if (!s.keys.has(key) && (s.allUntil === null || s.excluded.has(key))) return s;
  const keys = new Map(s.keys);
  keys.delete(key);
  const excluded = s.allUntil === null ? s.excluded : new Set(s.excluded).add(key);
  return { ...s, keys, excluded };
}

/** `['revealed', appId, envId, { names }]` of this environment → names ([] for "all"), else null. */
function fullEntryNames(queryKey: readonly unknown[], appId: string, envId: string): readonly string[] | null {
  const [root, app, env, params] = queryKey as [unknown, unknown, unknown, { names?: unknown } | undefined];
  if (root !== REVEALED_KEY[0] || app !== appId || env !== envId) return null;
  return Array.isArray(params?.names) ? (params.names as string[]) : [];
}

/**
 * Which rows of one environment are revealed, and when each hides itself.
 *
 * The values themselves live only in Full-mode react-query entries, read by the mounted
 * RevealedValue components, never in this state or in props. Entries are removed (not merely
 * unobserved) on hide, on auto-hide, when the tab is hidden and when the environment or app
 * changes; a pending request is cancelled, and a late response is discarded with its entry.
 * When something else removes an entry (a write to the environment), its rows are hidden too.
 */
export function useRevealedValues({ appId, envId, autoHideMs }: { appId: string; envId: string; autoHideMs: number }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>(EMPTY);

  /** Cancels and removes one Full entry: all values (no names) or one key's. */
  const removeEntry = useCallback(
    (names?: readonly string[]) => {
      const filters = { queryKey: secretQueryKeys.revealedValues(appId, envId, names), exact: true };
      void queryClient.cancelQueries(filters);
      queryClient.removeQueries(filters);
    },
    [queryClient, appId, envId],
  );

  const hideAll = useCallback(() => {
    setState(EMPTY);
    const filters = { queryKey: secretQueryKeys.revealedIn(appId, envId) };
    void queryClient.cancelQueries(filters);
    queryClient.removeQueries(filters);
  }, [queryClient, appId, envId]);

  const hide = useCallback(
    (key: string) => {
      setState((s) => dropKey(s, key));
      removeEntry([key]);
      // While everything is revealed, hiding one row strips its value out of the shared entry.
      const allKey = secretQueryKeys.revealedValues(appId, envId);
      const data = queryClient.getQueryData<RenderedSecretsResponse>(allKey);
      const stripped = without(data, key);
      if (stripped !== data) queryClient.setQueryData<RenderedSecretsResponse>(allKey, stripped);
    },
    [removeEntry, queryClient, appId, envId],
  );

  const reveal = useCallback(
    (key: string) => {
      // Start from a fresh entry (e.g. after a failed attempt), so the value is fetched again.
      removeEntry([key]);
      setState((s) => ({ ...s, keys: new Map(s.keys).set(key, Date.now() + autoHideMs) }));
    },
    [autoHideMs, removeEntry],
  );

  const revealAll = useCallback(() => {
    removeEntry();
    setState((s) => ({ ...s, allUntil: Date.now() + autoHideMs, excluded: new Set() }));
  }, [autoHideMs, removeEntry]);

  /** Auto-hide of "reveal all": values revealed one by one keep their own timers. */
  const expireAll = useCallback(() => {
    setState((s) => (s.allUntil === null ? s : { ...s, allUntil: null, excluded: new Set() }));
    removeEntry();
  }, [removeEntry]);

  // An entry removed by someone else (e.g. a write to this environment): hide what it showed.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'removed') return;
        const names = fullEntryNames(event.query.queryKey, appId, envId);
        if (names === null) return;
        if (names.length === 0) setState((s) => (s.allUntil === null ? s : { ...s, allUntil: null, excluded: new Set() }));
        else
          setState((s) => {
            if (!names.some((n) => s.keys.has(n))) return s;
            const keys = new Map(s.keys);
            for (const n of names) keys.delete(n);
            return { ...s, keys };
          });
      }),
    [queryClient, appId, envId],
  );

  // Auto-hide: the earliest expiry; leaving and tab switches hide everything.
  const nextExpiry = useMemo(() => {
    const times = [...state.keys.values()];
    if (state.allUntil !== null) times.push(state.allUntil);
    return times.length ? Math.min(...times) : null;
  }, [state]);
  const onExpiry = useCallback(
    (now: number) => {
      if (state.allUntil !== null && state.allUntil <= now) expireAll();
      for (const [key, until] of state.keys) if (until <= now) hide(key);
    },
    [state, hide, expireAll],
  );
  useHideTriggers({ hideAll, nextExpiry, onExpiry });

  // One object per revealed row and state, so memoized rows re-render only when theirs changes.
  const revealOf = useMemo(() => {
    const singles = new Map<string, RowReveal>();
    for (const [key, expiresAt] of state.keys) singles.set(key, { source: 'single', expiresAt });
    const all: RowReveal | null = state.allUntil === null ? null : { source: 'all', expiresAt: state.allUntil };
    return (key: string): RowReveal | null => singles.get(key) ?? (all && !state.excluded.has(key) ? all : null);
  }, [state]);

  return {
    revealOf,
    reveal,
    hide,
    revealAll,
    hideAll,
    allRevealed: state.allUntil !== null,
    anyRevealed: state.allUntil !== null || state.keys.size > 0,
  };
}
