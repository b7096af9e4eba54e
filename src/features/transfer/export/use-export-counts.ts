import { useQuery } from '@tanstack/react-query';
import { maskedListQuery } from '../masked-list-query';
import type { TransferApi } from '../transfer-api';
import { exportCounts, type ExportCounts } from './export-model';

export type CountsState = { status: 'loading' } | { status: 'ready'; counts: ExportCounts } | { status: 'failed'; error: unknown };

/** How many secrets of the environment an export writes, from its masked list (no value is read). */
export function useExportCounts(api: TransferApi, envId: string): { state: CountsState; retry: () => void } {
  const list = useQuery({ ...maskedListQuery(api, envId), select: exportCounts });
  const state: CountsState = list.data
    ? { status: 'ready', counts: list.data }
    : list.isFetching || !list.isError
      ? { status: 'loading' }
      : { status: 'failed', error: list.error };
  return { state, retry: () => void list.refetch() };
}
