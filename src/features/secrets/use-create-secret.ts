import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSecret, type CreateSecretInput } from './api';
import { secretQueries } from './queries';

/** Creates the secret entity (no value anywhere). Every environment's list of the app gains a row. */
export function useCreateSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSecretInput) => createSecret(input),
    onSuccess: (_secret, { appId }) =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const [root, app, , kind] = query.queryKey;
          return root === secretQueries.all()[0] && app === appId && kind === 'rendered';
        },
      }),
  });
}
