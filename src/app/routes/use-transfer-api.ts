import { useMemo } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Environment } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { appQueries } from '@/features/apps/queries';
import { createSecret, getRenderedSecrets, setSecretValue } from '@/features/secrets/api';
import { listQuery } from '@/features/secrets/list-query';
import { noteOwnWrite } from '@/features/secrets/own-writes';
import { secretQueryKeys } from '@/features/secrets/query-keys';
import { useSession } from '@/features/session/use-session';
import type { TransferApi } from '@/features/transfer/transfer-api';

/**
 * The secrets feature's reads and writes as import and export need them: Full reads straight from
 * the API (never cached), the masked list from the cache, creates that take an existing secret's
 * id from a 409, writes with the Write token, and afterwards the environment's lists refreshed.
 */
export function useTransferApi(appId: string, environments: readonly Environment[]): TransferApi {
  const queryClient = useQueryClient();
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const appName = app.data?.name ?? appId;
  // The demo's API is the page's own fake: no endpoint a CLI could use.
  const session = useSession();
  const apiEndpoint = session && !session.demo ? session.baseUrl : undefined;
  return useMemo(() => createTransferApi(queryClient, { appId, appName, environments, apiEndpoint }), [queryClient, appId, appName, environments, apiEndpoint]);
}

/** The same, without React (the hook memoizes it). */
export function createTransferApi(
  queryClient: QueryClient,
  { appId, appName, environments, apiEndpoint }: Pick<TransferApi, 'appId' | 'appName' | 'environments' | 'apiEndpoint'>,
): TransferApi {
  return {
    appId,
    appName,
    environments,
    apiEndpoint,
    readFull: async (envId, names, signal) => (await getRenderedSecrets({ appId, envId, mode: 'Full', names: names ? [...names] : undefined }, signal)).secrets,
    readMasked: async (envId) => (await queryClient.fetchQuery(listQuery({ appId, envId }))).secrets,
    createSecret: async (name, signal) => {
      try {
        const { id } = await createSecret({ appId, name, purposeType: 'Other' }, signal);
        // This tab's own change: the lists do not announce the new secret as news from the server.
        noteOwnWrite(queryClient, { appId, secretId: id });
        return id;
      } catch (error) {
        // The name exists (an earlier attempt, or a teammate): the CLI's import goes on with its id.
        if (isApiError(error) && error.status === 409 && error.entityId) return error.entityId;
        throw error;
      }
    },
    write: async ({ secretId, envId, text }, signal) => {
      await setSecretValue({ appId, secretId, envId, text }, signal);
      noteOwnWrite(queryClient, { appId, envId, secretId });
    },
    onWritten: (envId) => {
      queryClient.removeQueries({ queryKey: secretQueryKeys.revealedIn(appId, envId) });
      // New secrets appear (without a value) in every environment's list.
      void queryClient.invalidateQueries({ queryKey: secretQueryKeys.lists(appId) });
    },
  };
}

/**
 * Whether the CLI should be given the app's id rather than its name: another app has the same name
 * in the listing, or the listing was not read in this tab (then the id is the one sure reference).
 */
export function useAppNameIsAmbiguous(appId: string): boolean {
  const apps = useQuery({ ...appQueries.list(), enabled: false });
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  if (!apps.data || !app.data) return true;
  const name = app.data.name;
  return apps.data.filter((other) => other.name === name).length !== 1;
}
