import { queryOptions } from '@tanstack/react-query';
import { getRenderedSecrets } from './api';
import type { ListParams } from './list-query';
import { nameFilter, secretQueryKeys } from './query-keys';

/**
 * Clear values (Full mode) of `names`, or of every secret of the environment. Read only by a
 * mounted RevealedValue; staleness, garbage collection and refetching come from the QueryClient's
 * defaults for the revealed root.
 */
export function revealedQuery({ appId, envId, names }: ListParams) {
  const filter = nameFilter(names);
  return queryOptions({
    queryKey: secretQueryKeys.revealedValues(appId, envId, filter),
    queryFn: ({ signal }) => getRenderedSecrets({ appId, envId, mode: 'Full', names: filter }, signal),
  });
}
