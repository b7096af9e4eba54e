import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { secretQueries } from '@/features/secrets/queries';
import { delay } from '@/lib/delay';

/**
 * How long the route waits for the masked list before it renders the page with skeletons. A list
 * that arrives within it is rendered once, as rows, instead of skeletons first and rows next
 * (the second render then competed with reading the response, #6).
 */
export const LIST_WAIT_MS = 400;

/** A failed list younger than this is shown, not requested again, when the page opens. */
const RECENT_ERROR_MS = 5_000;

export interface SecretsPageData {
  /** Settles when the environment list is in and the masked list's request has left (or failed). */
  started: Promise<void>;
  /** Settles when the masked list has arrived (or failed); undefined when it was never requested. */
  list: Promise<void>;
}

/**
 * Starts the environment list and the app (its name, for the header) and, as soon as the slug
 * resolves to an id, the masked list.
 * Errors are left to the page, which shows them in place with a retry. Called twice on a direct
 * load (early-data.ts and the loader); react-query shares the requests in flight.
 */
export function startSecretsPageData(queryClient: QueryClient, appId: string, envSlug: string): SecretsPageData {
  void queryClient.prefetchQuery(appQueries.lookup(appId, 'Identifier'));
  const environments = queryClient.ensureQueryData(environmentQueries.list()).then(
    (list) => list.find((e) => e.slug === envSlug),
    () => undefined, // The page renders the error state of the environments query.
  );
  const list = environments.then((env) => {
    if (!env) return undefined;
    const options = secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly' });
    // A read that failed a moment ago (the early start's, on a direct load) is not asked again
    // here: the page shows that error, with Retry. An older failure is retried on navigation.
    const state = queryClient.getQueryState(options.queryKey);
    if (state?.status === 'error' && Date.now() - state.errorUpdatedAt < RECENT_ERROR_MS) return undefined;
    return queryClient.prefetchQuery(options);
  });
  return { started: environments.then(() => undefined), list };
}

export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const data = startSecretsPageData(queryClient, params.appId ?? '', params.envSlug ?? '');
    await data.started;
    await Promise.race([data.list, delay(LIST_WAIT_MS)]);
    return null;
  };
}
