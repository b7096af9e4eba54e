import { useCallback, useEffect, useState } from 'react';
import type { TransferApi } from '../transfer-api';
import { exportCounts, type ExportCounts } from './export-model';

export type CountsState = { status: 'loading' } | { status: 'ready'; counts: ExportCounts } | { status: 'failed'; error: unknown };

/** How many secrets of the environment an export writes, from its masked list (no value is read). */
export function useExportCounts(api: TransferApi, envId: string) {
  const [state, setState] = useState<CountsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.readMasked(envId, controller.signal).then(
      (secrets) => {
        if (!controller.signal.aborted) setState({ status: 'ready', counts: exportCounts(secrets) });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [api, envId, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
