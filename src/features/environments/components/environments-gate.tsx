import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { Skeleton } from '@/components/ui/loading';
import { Notice } from '@/components/ui/notice';
import { environmentQueries } from '../queries';

/** The environment list's loading, error and empty states; `children` once there is a list. */
export function EnvironmentsGate({ skeletonHeight, children }: { skeletonHeight: number; children: (environments: Environment[]) => ReactNode }) {
  const environments = useQuery(environmentQueries.list());
  if (environments.isPending) return <Skeleton height={skeletonHeight} label="Loading environments" />;
  if (environments.isError) {
    return <ErrorAlert error={environments.error} title="Could not load environments" onRetry={() => void environments.refetch()} />;
  }
  if (environments.data.length === 0) return <Notice severity="info">This account has no environments yet.</Notice>;
  return children(environments.data);
}
