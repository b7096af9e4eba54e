import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { secretQueries } from '@/features/secrets/queries';

/**
 * Starts the environment list and, as soon as the slug resolves to an id, the masked list.
 * Does not await the list: the page shows skeletons, then rows. Errors are left to the page,
 * which shows them in place with a retry. Called twice on a direct load (early-data.ts and the
 * loader); react-query shares the requests in flight.
 */
export async function startSecretsPageData(queryClient: QueryClient, appId: string, envSlug: string): Promise<void> {
  try {
    const environments = await queryClient.ensureQueryData(environmentQueries.list());
    const env = environments.find((e) => e.slug === envSlug);
    if (env) void queryClient.prefetchQuery(secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly' }));
  } catch {
    // The page renders the error state of the environments query.
  }
}

export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    await startSecretsPageData(queryClient, params.appId ?? '', params.envSlug ?? '');
    return null;
  };
}
