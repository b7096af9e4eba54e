import { useEffect, useRef, useState } from 'react';
import { createBulkRunner, type BulkItem, type BulkItemStatus, type BulkSnapshot } from '@/lib/bulk-runner';
import { useBulkProgress } from '@/lib/use-bulk-progress';
import type { ParseResult } from '../formats/types';
import type { TransferApi } from '../transfer-api';
import type { ImportRow } from './import-model';

export const IMPORT_TITLE = 'Import secrets';

/** One key to write: its value is held here (in memory) until the dialog closes, for a retry. */
export interface ImportItem extends BulkItem {
  /** The name to write. */
  key: string;
  /** The existing secret's id; none: the secret is created first. */
  secretId: string | undefined;
  value: string;
}

/** The items of the rows to write, with their values from the parse. */
export function importItems(rows: readonly ImportRow[], parse: ParseResult): ImportItem[] {
  return rows.map((row) => ({ id: row.id, label: row.key, key: row.key, secretId: row.secretId, value: parse.entries[row.entry]?.value ?? '' }));
}

/**
 * The runner of an import and what its writes read (outside React's state): per item, create the
 * secret when it has no id yet (a 409 gives the existing one's id, in the api), remembering the id
 * so that a retry does not create it again, then set its value in the target environment.
 */
export function createImportSession(initialApi: Pick<TransferApi, 'createSecret' | 'write' | 'onWritten'>) {
  let api = initialApi;
  let envId = '';
  const created = new Map<string, string>();
  const runner = createBulkRunner<ImportItem>({
    holdName: IMPORT_TITLE,
    write: async (item, signal) => {
      let secretId = item.secretId ?? created.get(item.key);
      if (secretId === undefined) {
        secretId = await api.createSecret(item.key, signal);
        created.set(item.key, secretId);
      }
      await api.write({ secretId, envId, text: item.value }, signal);
    },
  });
  async function settle(run: Promise<void>): Promise<void> {
    try {
      await run;
    } finally {
      api.onWritten(envId);
    }
  }
  return {
    runner,
    setApi: (next: typeof initialApi) => void (api = next),
    envId: () => envId,
    /** Writes `items` into `target`; refreshes what shows it once every write has ended. */
    run(target: string, items: readonly ImportItem[]): Promise<void> {
      envId = target;
      return settle(runner.run(items));
    },
    retryFailed: (): Promise<void> => settle(runner.retryFailed()),
  };
}

/** Editing the preview, writing, or done (the results stay until the preview is edited again). */
export type ImportPhase = 'idle' | 'writing' | 'finished';

export interface ImportRun {
  phase: ImportPhase;
  progress: BulkSnapshot;
  statusOf: (id: string) => BulkItemStatus | undefined;
  start: (envId: string, items: readonly ImportItem[]) => void;
  retryFailed: () => void;
  cancel: () => void;
  /** Back to the preview (after a run has ended). */
  reset: () => void;
}

/** An import's run for the dialog: `onEnded(envId)` is called after each run or retry (to read the environment's keys again). */
export function useImportRun(api: TransferApi, onEnded: (envId: string) => void): ImportRun {
  const [session] = useState(() => createImportSession(api));
  const { runner } = session;
  const ended = useRef(onEnded);
  useEffect(() => {
    session.setApi(api);
    ended.current = onEnded;
  }, [session, api, onEnded]);
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const progress = useBulkProgress(runner);
  // Closing the dialog stops the writes.
  useEffect(() => () => runner.cancel(), [runner]);

  function follow(run: Promise<void>) {
    setPhase('writing');
    void run.finally(() => {
      setPhase('finished');
      ended.current(session.envId());
    });
  }

  return {
    phase,
    progress,
    statusOf: runner.statusOf,
    start: (envId, items) => follow(session.run(envId, items)),
    retryFailed: () => follow(session.retryFailed()),
    cancel: runner.cancel,
    reset: () => setPhase('idle'),
  };
}
