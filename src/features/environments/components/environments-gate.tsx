import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Skeleton from '@mui/material/Skeleton';
import type { Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { environmentQueries } from '../queries';

/** The environment list's loading, error and empty states; `children` once there is a list. */
export function EnvironmentsGate({ skeletonHeight, children }: { skeletonHeight: number; children: (environments: Environment[]) => ReactNode }) {
  const environments = useQuery(environmentQueries.list());
  if (environments.isPending) return <Skeleton variant="rounded" height={skeletonHeight} role="progressbar" aria-label="Loading environments" />;
  if (environments.isError) {
    return <ErrorAlert error={environments.error} title="Could not load environments" onRetry={() => void environments.refetch()} />;
  }
  if (environments.data.length === 0) {
    return (
      <Alert severity="info" role="status">
        This account has no environments yet.
      </Alert>
    );
  }
  return children(environments.data);
}
