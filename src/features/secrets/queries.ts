import { queryOptions } from '@tanstack/react-query';
import type { RenderMode } from '@/api/contract';
import { getRenderedSecrets, getSecret } from './api';

/**
 * Full-mode (revealed) entries are removed explicitly by whoever revealed them: on hide, on
 * auto-hide, on tab switch, on leaving the environment, on sign-out. This garbage-collection
 * time is only the backstop, set to the longest auto-hide delay.
 */
export const FULL_ENTRY_GC_MS = 300_000;

export interface RenderedKey {
  appId: string;
  envId: string;
  mode: RenderMode;
  /** Name filter; omitted means every secret. */
  names?: readonly string[] | undefined;
}

/**
 * Keys, generic to specific:
 *   ['secrets', appId]                                 everything of an app
 *   ['secrets', appId, envId, 'rendered']              every rendered list of an environment
 *   ['secrets', appId, envId, 'rendered', {mode,names}] one list (Full entries hold clear values)
 *   ['secrets', appId, 'detail', secretId]             one secret entity
 */
export const secretQueries = {
  all: () => ['secrets'] as const,
  app: (appId: string) => [...secretQueries.all(), appId] as const,
  environment: (appId: string, envId: string) => [...secretQueries.app(appId), envId, 'rendered'] as const,
  /** Partial key matching every Full-mode (revealed) entry of an environment. */
  revealedIn: (appId: string, envId: string) => [...secretQueries.environment(appId, envId), { mode: 'Full' }] as const,
  rendered: ({ appId, envId, mode, names }: RenderedKey) => {
    const sortedNames = names && names.length > 0 ? [...names].sort() : undefined;
    return queryOptions({
      queryKey: [...secretQueries.environment(appId, envId), { mode, names: sortedNames }] as const,
      queryFn: ({ signal }) => getRenderedSecrets({ appId, envId, mode, names: sortedNames }, signal),
      // Revealed values are never refetched in the background; see FULL_ENTRY_GC_MS.
      ...(mode === 'Full'
        ? { staleTime: Infinity, gcTime: FULL_ENTRY_GC_MS, refetchOnWindowFocus: false, refetchOnReconnect: false }
        : {}),
    });
  },
  detail: (appId: string, secretId: string) =>
    queryOptions({
      queryKey: [...secretQueries.app(appId), 'detail', secretId] as const,
      queryFn: ({ signal }) => getSecret(appId, secretId, signal),
    }),
};
