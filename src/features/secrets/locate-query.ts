import { queryOptions } from '@tanstack/react-query';
import { isApiError } from '@/api/api-error';
import type { Environment, RenderedSecretsResponse } from '@/api/contract';
import { listQuery } from './list-query';
import { secretQueryKeys } from './query-keys';

/**
 * The secret's key from the masked lists, for its page when the detail endpoint cannot answer:
 * lists already in the cache first, then each environment's list in turn until one has it.
 * null: readable lists, none has it. Throws the 403 when no environment can be read.
 */
export function locateQuery(appId: string, secretId: string, environments: readonly Environment[]) {
  return queryOptions({
    queryKey: secretQueryKeys.locate(appId, secretId, environments.map((env) => env.id)),
    queryFn: async ({ client }): Promise<{ key: string } | null> => {
      const lists = environments.map((env) => listQuery({ appId, envId: env.id }));
      const keyIn = (data: RenderedSecretsResponse | undefined) => data?.secrets.find((secret) => secret.secretId === secretId)?.key;
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
  });
}
