import { useQuery } from '@tanstack/react-query';
import { environmentQueries } from '@/features/environments/queries';
import { detailQuery } from '@/features/secrets/detail-query';
import { locateQuery } from '@/features/secrets/locate-query';

/**
 * Whether the secret is known not to exist: the detail endpoint did not give it and no
 * environment's list has it. The same queries as the secret's page (SecretDetail) observes, so
 * nothing is asked twice; false while they load or when they fail (the page shows that).
 */
export function useSecretMissing(appId: string, secretId: string): boolean {
  const environments = useQuery(environmentQueries.list());
  const detail = useQuery(detailQuery(appId, secretId));
  const fallback = detail.data !== undefined && detail.data.kind !== 'entity';
  const located = useQuery({ ...locateQuery(appId, secretId, environments.data ?? []), enabled: fallback && environments.data !== undefined });
  return located.data === null;
}
