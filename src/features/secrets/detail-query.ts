import { queryOptions } from '@tanstack/react-query';
import { getSecretDetail } from './api';
import { secretQueryKeys } from './query-keys';

/** One secret entity, or why there is none (see SecretDetailResult). */
export function detailQuery(appId: string, secretId: string) {
  return queryOptions({
    queryKey: secretQueryKeys.detail(appId, secretId),
    queryFn: ({ signal }) => getSecretDetail(appId, secretId, signal),
  });
}
