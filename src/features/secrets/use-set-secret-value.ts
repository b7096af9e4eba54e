import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { setSecretValue, type SetSecretValueInput } from './api';
import { noteOwnWrite } from './own-writes';
import { secretQueryKeys } from './query-keys';

/**
 * After a write: drop every revealed entry of that environment, so no stale clear value survives
 * (whoever showed one hides it), then refetch the environment's masked lists and the secret's detail.
 */
export async function afterValueWritten(queryClient: QueryClient, { appId, secretId, envId }: Omit<SetSecretValueInput, 'text'>) {
  queryClient.removeQueries({ queryKey: secretQueryKeys.revealedIn(appId, envId) });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: secretQueryKeys.listsIn(appId, envId) }),
    queryClient.invalidateQueries({ queryKey: secretQueryKeys.detail(appId, secretId) }),
  ]);
}

/** Sets one value (the set-value, create and copy dialogs); noted as this tab's own write. */
export function useSetSecretValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetSecretValueInput) => setSecretValue(input),
    onSuccess: (_secret, { appId, secretId, envId }) => {
      noteOwnWrite(queryClient, { appId, envId, secretId });
      return afterValueWritten(queryClient, { appId, secretId, envId });
    },
  });
}
