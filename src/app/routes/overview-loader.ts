import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { listQuery } from '@/features/secrets/list-query';
import { checkApp } from './app-check';

/**
 * `/apps/:appId`: looks the app up and loads the environment list together, then starts every
 * environment's masked list (a few at a time) without waiting for them: the page shows its columns
 * as they arrive. An app that does not exist or that the token may not open gets its own page.
 */
export function overviewRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const appId = params.appId ?? '';
    const [, environments] = await Promise.all([
      checkApp(queryClient, appId),
      // A failed list: the page renders the environments query's error state.
      queryClient.ensureQueryData(environmentQueries.list()).catch(() => undefined),
    ]);
    // The lists' limiter comes with the overview's code (not on the secrets page's first load).
    if (environments) {
      const lists = environments.map((env) => listQuery({ appId, envId: env.id }));
      void import('@/features/overview/environment-lists').then(({ prefetchEnvironmentLists }) => prefetchEnvironmentLists(queryClient, lists));
    }
    return null;
  };
}
