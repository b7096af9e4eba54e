import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { secretQueries } from '@/features/secrets/queries';

/**
 * How long the route waits for the masked list before it renders the page with skeletons. A list
 * that arrives within it is rendered once, as rows, instead of skeletons first and rows next
 * (the second render then competed with reading the response, #6).
 */
export const LIST_WAIT_MS = 400;

export interface SecretsPageData {
  /** Settles when the environment list is in and the masked list's request has left (or failed). */
  started: Promise<void>;
  /** Settles when the masked list has arrived (or failed); undefined when it was never requested. */
  list: Promise<void>;
}

/**
 * Starts the environment list and, as soon as the slug resolves to an id, the masked list.
 * Errors are left to the page, which shows them in place with a retry. Called twice on a direct
 * load (early-data.ts and the loader); react-query shares the requests in flight.
 */
export function startSecretsPageData(queryClient: QueryClient, appId: string, envSlug: string): SecretsPageData {
  const environments = queryClient.ensureQueryData(environmentQueries.list()).then(
    (list) => list.find((e) => e.slug === envSlug),
    () => undefined, // The page renders the error state of the environments query.
  );
  const list = environments.then((env) => (env ? queryClient.prefetchQuery(secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly' })) : undefined));
  return { started: environments.then(() => undefined), list };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function secretsRouteLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const data = startSecretsPageData(queryClient, params.appId ?? '', params.envSlug ?? '');
    await data.started;
    await Promise.race([data.list, delay(LIST_WAIT_MS)]);
    return null;
  };
}
