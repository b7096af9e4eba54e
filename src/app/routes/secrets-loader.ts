import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { listQuery } from '@/features/secrets/list-query';
import { environmentName } from '@/lib/environment-name';
import { problemResponse } from '../route-problem';
import { checkApp } from './app-check';

/**
 * `/apps/:appId/:envSlug`: looks the app up (its name, for the heading) and loads the environment
 * list together, then starts the masked list without waiting for it — the page shows skeletons,
 * then the rows. An app that does not exist or that the token may not open, and a slug that no
 * environment has, get their own page (route-problem.ts); other errors are left to the page, which
 * shows them in place with a retry.
 */
export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const appId = params.appId ?? '';
    const envSlug = params.envSlug ?? '';
    const [app, environments] = await Promise.all([
      checkApp(queryClient, appId),
      // A failed list: the page renders the environments query's error state.
      queryClient.ensureQueryData(environmentQueries.list()).catch(() => undefined),
    ]);
    if (!environments) return null;
    const env = environments.find((e) => e.slug === envSlug);
    if (!env) {
      const first = environments[0];
      throw problemResponse({
        kind: 'no-environment',
        appId,
        appName: app?.name ?? appId,
        envSlug,
        firstEnv: first ? { slug: first.slug, name: environmentName(first) } : undefined,
      });
    }
    void queryClient.prefetchQuery(listQuery({ appId, envId: env.id }));
    return null;
  };
}
