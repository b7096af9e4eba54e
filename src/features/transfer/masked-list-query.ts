import { queryOptions } from '@tanstack/react-query';
import type { TransferApi } from './transfer-api';

/**
 * An environment's masked list as import and export read it (which keys exist, with or without a
 * value): one query entry, dropped as soon as no dialog uses it.
 */
export function maskedListQuery(api: Pick<TransferApi, 'appId' | 'readMasked'>, envId: string) {
  return queryOptions({
    queryKey: ['transfer-masked-list', api.appId, envId] as const,
    queryFn: ({ signal }) => api.readMasked(envId, signal),
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
