import { queryOptions } from '@tanstack/react-query';
import { getEnvironments } from './api';

export const environmentQueries = {
  all: () => ['environments'] as const,
  list: () =>
    queryOptions({
      queryKey: [...environmentQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => getEnvironments(signal),
      staleTime: 5 * 60_000,
    }),
};
