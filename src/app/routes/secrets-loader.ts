import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { secretQueries } from '@/features/secrets/queries';

/**
 * Starts the environment list and, as soon as the slug resolves to an id, the masked list.
 * Does not await the list: the page shows skeletons, then rows, without blocking navigation.
 * Errors are left to the page, which shows them in place with a retry.
 */
export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const appId = params.appId ?? '';
    try {
      const environments = await queryClient.ensureQueryData(environmentQueries.list());
      const env = environments.find((e) => e.slug === params.envSlug);
      if (env) void queryClient.prefetchQuery(secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly' }));
    } catch {
      // The page renders the error state of the environments query.
    }
    return null;
  };
}
