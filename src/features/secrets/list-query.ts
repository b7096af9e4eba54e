import { queryOptions } from '@tanstack/react-query';
import { getRenderedSecrets } from './api';
import { nameFilter, secretQueryKeys } from './query-keys';

export interface ListParams {
  appId: string;
  envId: string;
  /** Name filter; omitted or empty means every secret. */
  names?: readonly string[] | undefined;
}

/** An environment's masked list (PreviewOnly: no clear value ever reaches it). */
export function listQuery({ appId, envId, names }: ListParams) {
  const filter = nameFilter(names);
  return queryOptions({
    queryKey: secretQueryKeys.list(appId, envId, filter),
    queryFn: ({ signal }) => getRenderedSecrets({ appId, envId, mode: 'PreviewOnly', names: filter }, signal),
  });
}
