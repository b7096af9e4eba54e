import { queryOptions } from '@tanstack/react-query';
import type { AppIdentifierType } from '@/api/contract';
import { getApp, getApps } from './api';

export const appQueries = {
  all: () => ['apps'] as const,
  list: () =>
    queryOptions({
      queryKey: [...appQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getApps(signal),
      staleTime: 60_000,
    }),
  lookup: (ref: string, identifierType: AppIdentifierType) =>
    queryOptions({
      queryKey: [...appQueries.all(), 'lookup', { ref, identifierType }] as const,
      queryFn: ({ signal }) => getApp(ref, identifierType, signal),
      staleTime: 5 * 60_000,
    }),
};
