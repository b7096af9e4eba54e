import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { setSecretValue, type SetSecretValueInput } from './api';
import { secretQueries } from './queries';

/**
 * After a write: drop every revealed (Full) entry of that environment, so no stale clear value
 * survives, then refetch exactly the environment's masked lists and the secret's detail.
 */
export async function afterValueWritten(queryClient: QueryClient, { appId, secretId, envId }: Omit<SetSecretValueInput, 'text'>) {
  queryClient.removeQueries({ queryKey: secretQueries.revealedIn(appId, envId) });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: secretQueries.environment(appId, envId) }),
    queryClient.invalidateQueries({ queryKey: secretQueries.detail(appId, secretId).queryKey }),
  ]);
}

export function useSetSecretValue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetSecretValueInput) => setSecretValue(input),
    onSuccess: (_secret, { appId, secretId, envId }) => afterValueWritten(queryClient, { appId, secretId, envId }),
  });
}
