import { useCallback, useEffect, useRef, useState } from 'react';
import { apiClient } from '@/api/client';
import type { Environment } from '@/api/contract';
import { usePreferences } from '@/lib/preferences';
import { foldOrder, newDigestKey, startComparison, type Comparison } from './compare-model';
import type { ReadFullList } from '@/lib/full-reads';


export type CompareState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; comparison: Comparison }
  | { status: 'failed'; error: unknown };

const IDLE: CompareState = { status: 'idle' };

export interface CompareValues {
  state: CompareState;
  /**
   * Compares `environments` (column order), one at a time; a running comparison is cancelled first.
   * Settles when this comparison ends (done, failed or cancelled); it never rejects.
   */
  start: (environments: readonly Environment[]) => Promise<void>;
  /** Cancels a running comparison or drops its results. */
  clear: () => void;
  /** How long results stay shown, in seconds (the user's auto-hide delay). */
  hideAfterSeconds: number;
}

/**
 * The comparison's state: nothing of it is in react-query's caches (a clear list is folded and
 * dropped as soon as it arrives). Results go after the user's auto-hide delay, when the app changes
 * or the page goes, and when the session ends (sign-out, a 401, a timeout).
 */
export function useCompareValues(appId: string, readFull: ReadFullList): CompareValues {
  const { autoHideSeconds } = usePreferences();
  const [state, setState] = useState<CompareState>(IDLE);
  const running = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    running.current?.abort();
    running.current = null;
    setState(IDLE);
  }, []);

  const start = useCallback(
    (environments: readonly Environment[]) => {
      running.current?.abort();
      const own = new AbortController();
      running.current = own;
      const order = foldOrder(environments);
      const total = order.length;
      setState({ status: 'running', done: 0, total });
      const run = async () => {
        const fold = startComparison(environments, await newDigestKey());
        for (const [done, column] of order.entries()) {
          const env = environments[column] as Environment;
          // The list is an argument only: it is garbage once folded.
          await fold.add(column, await readFull(env.id, undefined, own.signal));
          own.signal.throwIfAborted();
          setState({ status: 'running', done: done + 1, total });
        }
        setState({ status: 'done', comparison: fold.result() });
      };
      return run()
        .catch((error: unknown) => {
          if (!own.signal.aborted) setState({ status: 'failed', error });
        })
        .finally(() => {
          if (running.current === own) running.current = null;
        });
    },
    [readFull],
  );

  // Another app, or leaving the page: a running comparison stops, results go.
  useEffect(() => clear, [appId, clear]);

  // Results hide after the auto-hide delay, like revealed values.
  useEffect(() => {
    if (state.status !== 'done') return;
    const timer = setTimeout(clear, autoHideSeconds * 1000);
    return () => clearTimeout(timer);
  }, [state, autoHideSeconds, clear]);

  // Sign-out, a 401 or a timeout: the API client's session is cleared, and the results go with it.
  useEffect(() => apiClient.onSessionChange(() => apiClient.session === null && clear()), [clear]);

  return { state, start, clear, hideAfterSeconds: autoHideSeconds };
}
