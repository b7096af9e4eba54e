import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { detailQuery } from '@/features/secrets/detail-query';
import { checkApp } from './app-check';

/**
 * Starts the secret's detail and the environment list together, and waits for the app lookup
 * only: an app that does not exist or that the token may not open gets its own page.
 */
export function secretRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const appId = params.appId ?? '';
    void queryClient.prefetchQuery(environmentQueries.list());
    void queryClient.prefetchQuery(detailQuery(appId, params.secretId ?? ''));
    await checkApp(queryClient, appId);
    return null;
  };
}
