import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { detailQuery } from '@/features/secrets/detail-query';

/** Starts the secret's detail and the environment list together. */
export function secretRouteLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(environmentQueries.list());
    void queryClient.prefetchQuery(detailQuery(params.appId ?? '', params.secretId ?? ''));
    return null;
  };
}
