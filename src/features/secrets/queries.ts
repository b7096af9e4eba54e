import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';
import type { Environment, RenderMode } from '@/api/contract';
import { getRenderedSecrets, getSecretDetail } from './api';

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
 *   ['secrets', appId, 'detail', secretId]             one secret entity (or why there is none)
 *   ['secrets', appId, 'locate', secretId, envIds]     its key, found in the environments' lists
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
      queryFn: ({ signal }) => getSecretDetail(appId, secretId, signal),
    }),
  /**
   * The secret's key from the masked lists, for its page when the detail endpoint cannot answer:
   * lists already in the cache first, then each environment's list in turn until one has it.
   * null: readable lists, none has it. Throws the 403 when no environment can be read.
   */
  locate: (appId: string, secretId: string, environments: readonly Environment[]) =>
    queryOptions({
      queryKey: [...secretQueries.app(appId), 'locate', secretId, environments.map((env) => env.id)] as const,
      queryFn: async ({ client }): Promise<{ key: string } | null> => {
        const lists = environments.map((env) => secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly' }));
        const keyIn = (data: { secrets: ReadonlyArray<{ key: string; secretId: string }> } | undefined) =>
          data?.secrets.find((secret) => secret.secretId === secretId)?.key;
        for (const list of lists) {
          const key = keyIn(client.getQueryData(list.queryKey));
          if (key !== undefined) return { key };
        }
        let forbidden: unknown;
        let readable = false;
        for (const list of lists) {
          try {
            const key = keyIn(await client.fetchQuery(list));
            if (key !== undefined) return { key };
            readable = true;
          } catch (error) {
            if (!isApiError(error) || error.status !== 403) throw error;
            forbidden ??= error;
          }
        }
        if (!readable && forbidden !== undefined) throw forbidden;
        return null;
      },
    }),
};
