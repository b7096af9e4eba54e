import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { RenderedSecretsResponse } from '@/api/contract';
import { secretQueryKeys } from './query-keys';
import * as machine from './reveal-state';
import { useHideTriggers } from './use-hide-triggers';

function without(data: RenderedSecretsResponse | undefined, name: string): RenderedSecretsResponse | undefined {
  if (!data || !data.secrets.some((s) => s.key === name)) return data;
  return { ...data, secrets: data.secrets.filter((s) => s.key !== name) };
}

export interface RevealedValuesOptions {
  appId: string;
  /** The environments the page shows: leaving them, or the tab becoming hidden, hides every value revealed in them. */
  envIds: readonly string[];
  autoHideMs: number;
}

/**
 * Which values are revealed, per environment and name, and when each hides itself: the one reveal
 * state of the secrets list (one environment, many names) and of a secret's page (one name, many
 * environments).
 *
 * The values themselves live only in the revealed query entries, read by the mounted
 * RevealedValue components, never in this state or in props. Entries are removed (not merely
 * unobserved) and their requests cancelled on hide, on auto-hide, when the tab is hidden and on
 * leaving; a late response is discarded with its entry. When something else removes an entry (a
 * write to the environment), what it showed is hidden too.
 */
export function useRevealedValues({ appId, envIds, autoHideMs }: RevealedValuesOptions) {
  const queryClient = useQueryClient();
  // The same environments in a new array are the same scope: leaving is a change of its content.
  const envKey = JSON.stringify(envIds);
  const scope = useMemo(() => JSON.parse(envKey) as string[], [envKey]);
  const scopeId = JSON.stringify([appId, envKey]);
  // State of another scope reads as nothing revealed, from the first render in the new one: its
  // readers unmount before its entries are removed, so none is fetched again.
  const [stored, setStored] = useState({ scopeId, reveals: machine.NOTHING_REVEALED });
  const state = stored.scopeId === scopeId ? stored.reveals : machine.NOTHING_REVEALED;
  const setState = useCallback(
    (change: (s: machine.RevealState) => machine.RevealState) =>
      setStored((current) => {
        const reveals = current.scopeId === scopeId ? current.reveals : machine.NOTHING_REVEALED;
        const next = change(reveals);
        return next === current.reveals && current.scopeId === scopeId ? current : { scopeId, reveals: next };
      }),
    [scopeId],
  );

  /** Cancels the requests and removes the entries under `queryKey` (or that entry alone, `exact`). */
  const drop = useCallback(
    (queryKey: QueryKey, exact = false) => {
      void queryClient.cancelQueries({ queryKey, exact });
      queryClient.removeQueries({ queryKey, exact });
    },
    [queryClient],
  );

  const hideAll = useCallback(() => {
    setState(() => machine.NOTHING_REVEALED);
    for (const envId of scope) drop(secretQueryKeys.revealedIn(appId, envId));
  }, [setState, drop, appId, scope]);

  const hideEnvironment = useCallback(
    (envId: string) => {
      setState((s) => machine.hideEnvironment(s, envId));
      drop(secretQueryKeys.revealedIn(appId, envId));
    },
    [setState, drop, appId],
  );

  const hide = useCallback(
    (envId: string, name: string) => {
      setState((s) => machine.hideOne(s, envId, name));
      drop(secretQueryKeys.revealedValues(appId, envId, [name]), true);
      // While everything is revealed, hiding one name strips its value out of the shared entry.
      const allKey = secretQueryKeys.revealedValues(appId, envId);
      const data = queryClient.getQueryData<RenderedSecretsResponse>(allKey);
      const stripped = without(data, name);
      if (stripped !== data) queryClient.setQueryData<RenderedSecretsResponse>(allKey, stripped);
    },
    [setState, drop, queryClient, appId],
  );

  const reveal = useCallback(
    (envId: string, name: string) => {
      // Start from a fresh entry (e.g. after a failed attempt), so the value is fetched again.
      drop(secretQueryKeys.revealedValues(appId, envId, [name]), true);
      setState((s) => machine.revealOne(s, envId, name, Date.now() + autoHideMs));
    },
    [setState, drop, appId, autoHideMs],
  );

  const revealAll = useCallback(
    (envId: string) => {
      drop(secretQueryKeys.revealedValues(appId, envId), true);
      setState((s) => machine.revealAll(s, envId, Date.now() + autoHideMs));
    },
    [setState, drop, appId, autoHideMs],
  );

  /** Auto-hide of "reveal all": names revealed one by one keep their own timers. */
  const endAll = useCallback(
    (envId: string) => {
      setState((s) => machine.endAll(s, envId));
      drop(secretQueryKeys.revealedValues(appId, envId), true);
    },
    [setState, drop, appId],
  );

  // An entry removed by someone else (e.g. a write to its environment): hide what it showed.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'removed' || !matchQuery({ queryKey: secretQueryKeys.revealed(appId) }, event.query)) return;
        const removed = event.query;
        setState((s) =>
          machine.afterRemoval(s, (envId, names) => matchQuery({ queryKey: secretQueryKeys.revealedValues(appId, envId, names), exact: true }, removed)),
        );
      }),
    [setState, queryClient, appId],
  );

  // Auto-hide at the earliest expiry; leaving and tab switches hide everything.
  const nextExpiry = useMemo(() => machine.nextExpiry(state), [state]);
  const onExpiry = useCallback(
    (now: number) => {
      for (const { envId, name } of machine.dueAt(state, now)) {
        if (name === undefined) endAll(envId);
        else hide(envId, name);
      }
    },
    [state, endAll, hide],
  );
  useHideTriggers({ hideAll, nextExpiry, onExpiry });

  const revealOf = useMemo(() => machine.revealLookup(state), [state]);
  const isAllRevealed = useCallback((envId: string) => machine.isAllRevealed(state, envId), [state]);

  return { revealOf, reveal, hide, revealAll, hideEnvironment, hideAll, isAllRevealed, anyRevealed: state.size > 0 };
}
