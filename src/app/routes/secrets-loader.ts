import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { listQuery } from '@/features/secrets/list-query';

/**
 * `/apps/:appId/:envSlug`: starts the app (its name, for the heading) and the environment list,
 * waits for the list to resolve the slug to an id, then starts the masked list without waiting for
 * it — the page shows skeletons, then the rows. Errors are left to the page, which shows them in
 * place with a retry.
 */
export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const appId = params.appId ?? '';
    void queryClient.prefetchQuery(appQueries.lookup(appId, 'Identifier'));
    // A failed list: the page renders the environments query's error state.
    const environments = await queryClient.ensureQueryData(environmentQueries.list()).catch(() => undefined);
    const env = environments?.find((e) => e.slug === params.envSlug);
    if (env) void queryClient.prefetchQuery(listQuery({ appId, envId: env.id }));
    return null;
  };
}
