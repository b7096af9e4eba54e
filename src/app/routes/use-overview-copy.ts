import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CopyValuesApi } from '@/features/overview/components/use-copy-run';
import { getRenderedSecrets, setSecretValue } from '@/features/secrets/api';
import { noteOwnWrite } from '@/features/secrets/own-writes';
import { secretQueryKeys } from '@/features/secrets/query-keys';

/**
 * The secrets feature's reads and writes as the overview's compare and copy need them: Full reads straight
 * from the API (never cached), writes with the Write token, and afterwards the target
 * environment's lists refreshed and its revealed values dropped.
 */
export function useOverviewCopy(appId: string): CopyValuesApi {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      scope: appId,
      readFull: async (envId, names, signal) =>
        (await getRenderedSecrets({ appId, envId, mode: 'Full', names: names ? [...names] : undefined }, signal)).secrets,
      write: async ({ secretId, envId, text }, signal) => {
        await setSecretValue({ appId, secretId, envId, text }, signal);
        noteOwnWrite(queryClient, { appId, envId, secretId });
      },
      onWritten: (envId) => {
        queryClient.removeQueries({ queryKey: secretQueryKeys.revealedIn(appId, envId) });
        void queryClient.invalidateQueries({ queryKey: secretQueryKeys.listsIn(appId, envId) });
      },
    }),
    [appId, queryClient],
  );
}
