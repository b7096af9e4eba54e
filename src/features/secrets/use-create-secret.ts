import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSecret, type CreateSecretInput } from './api';
import { noteOwnWrite } from './own-writes';
import { secretQueryKeys } from './query-keys';

/**
 * Creates the secret entity (no value anywhere). Every environment's list of the app gains a row,
 * and a "reveal all" showing the app's values is fetched again to include it. Noted as this tab's
 * own write, so the lists do not announce it as a change on the server.
 */
export function useCreateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSecretInput) => createSecret(input),
    onSuccess: (secret, { appId }) => {
      noteOwnWrite(queryClient, { appId, secretId: secret.id });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: secretQueryKeys.lists(appId) }),
        queryClient.invalidateQueries({ queryKey: secretQueryKeys.revealed(appId) }),
      ]);
    },
  });
}
