import { useCallback, useSyncExternalStore } from 'react';
import type { BulkRunner, BulkItem, BulkSnapshot } from './bulk-runner';

/** How often a dialog redraws a run's progress at most: a render per finished write would take the main thread from the writes. */
export const PROGRESS_EVERY_MS = 16;

/** Subscribes to a runner, telling the listener at most once per PROGRESS_EVERY_MS (the last change always arrives). */
export function subscribeCoalesced(runner: { subscribe: (listener: () => void) => () => void }, listener: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = runner.subscribe(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      listener();
    }, PROGRESS_EVERY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}

/** A bulk run's progress for React, redrawn at most once per PROGRESS_EVERY_MS. */
export function useBulkProgress<T extends BulkItem>(runner: BulkRunner<T>): BulkSnapshot {
  const subscribe = useCallback((listener: () => void) => subscribeCoalesced(runner, listener), [runner]);
  return useSyncExternalStore(subscribe, runner.getSnapshot, runner.getSnapshot);
}
