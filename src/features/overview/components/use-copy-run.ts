import { useEffect, useRef, useState } from 'react';
import { createBulkRunner, type BulkItem, type BulkSnapshot } from '@/lib/bulk-runner';
import { useBulkProgress } from '@/lib/use-bulk-progress';
import { useHoldUnsavedInput } from '@/lib/use-unsaved-input';
import { readKeys, type ReadFullList } from '@/lib/full-reads';
import { valuesOf, type CopyKey } from '../copy-model';

/** What copying needs from the secrets feature (the route passes it). */
export interface CopyValuesApi {
  /** Part of every cache key of the copy (the app). */
  scope: string;
  readFull: ReadFullList;
  /** Sets one value with the Write token. */
  write: (input: { secretId: string; envId: string; text: string }, signal: AbortSignal) => Promise<void>;
  /** After a run: refresh what shows the target environment. */
  onWritten: (envId: string) => void;
}

export const COPY_TITLE = 'Copy values';

interface CopyItem extends BulkItem {
  secretId: string;
}

/** Reading the source's values, writing them, or done (a run has ended). */
export type CopyPhase = 'idle' | 'reading' | 'writing' | 'finished';

export interface CopyRun {
  phase: CopyPhase;
  progress: BulkSnapshot;
  /** Why the source's values could not be read (the run did not start). */
  readError: unknown;
  start: (from: string, to: string, keys: readonly CopyKey[]) => void;
  retryFailed: () => void;
  cancel: () => void;
}

/** The run's environments, and the values being written (null outside a run). */
interface Job {
  from: string;
  to: string;
  values: Map<string, string> | null;
}

/** The runner and what its writes read: the current job and the latest api (outside React's state). */
function createCopySession(initialApi: CopyValuesApi) {
  let api = initialApi;
  let job: Job | null = null;
  return {
    api: () => api,
    setApi: (next: CopyValuesApi) => void (api = next),
    job: () => job,
    setJob: (next: Job) => void (job = next),
    runner: createBulkRunner<CopyItem>({
      holdName: COPY_TITLE,
      write: async (item, signal) => {
        const text = job?.values?.get(item.label);
        if (!job || text === undefined) throw new Error(`${item.label} has no value to copy any more.`);
        await api.write({ secretId: item.secretId, envId: job.to, text }, signal);
      },
    }),
  };
}

/**
 * A copy's run: reads the source's values of the keys to write (by name, a hundred per request),
 * writes them through the bulk runner, then drops them and refreshes the target. A retry reads the
 * failed ones again.
 */
export function useCopyRun(api: CopyValuesApi): CopyRun {
  const [session] = useState(() => createCopySession(api));
  const { runner } = session;
  useEffect(() => {
    session.setApi(api);
  }, [session, api]);
  const reading = useRef<AbortController | null>(null);
  const [phase, setPhase] = useState<CopyPhase>('idle');
  const [readError, setReadError] = useState<unknown>(null);
  const progress = useBulkProgress(runner);
  // A refused read token asks again over the page instead of signing out (the runner holds while writing).
  useHoldUnsavedInput(COPY_TITLE, phase === 'reading');

  useEffect(
    () => () => {
      reading.current?.abort();
      runner.cancel();
    },
    [runner],
  );

  async function execute(from: string, to: string, keys: readonly CopyKey[], send: (items: CopyItem[]) => Promise<void>) {
    const controller = new AbortController();
    reading.current = controller;
    setReadError(null);
    setPhase('reading');
    const names = keys.map((k) => k.key);
    const run: Job = { from, to, values: null };
    try {
      const source = await readKeys(names, (filter) => session.api().readFull(from, filter, controller.signal));
      run.values = valuesOf(names, source);
      session.setJob(run);
    } catch (error) {
      if (!controller.signal.aborted) setReadError(error);
      setPhase(session.job() ? 'finished' : 'idle');
      return;
    } finally {
      reading.current = null;
    }
    setPhase('writing');
    try {
      await send(keys.map(({ key, secretId }) => ({ id: key, label: key, secretId })));
    } finally {
      run.values = null;
      session.api().onWritten(to);
      setPhase('finished');
    }
  }

  return {
    phase,
    progress,
    readError,
    start: (from, to, keys) => void execute(from, to, keys, (items) => runner.run(items)),
    retryFailed: () => {
      const current = session.job();
      if (!current) return;
      const failed = new Set(runner.getSnapshot().failures.map((failure) => failure.id));
      // Only the names matter here: the runner sends its own failed items again.
      const keys = [...failed].map((key) => ({ key, secretId: '' }));
      void execute(current.from, current.to, keys, () => runner.retryFailed());
    },
    cancel: () => {
      reading.current?.abort();
      runner.cancel();
    },
  };
}
