import { useCallback } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Container from '@mui/material/Container';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '@/components/error-alert';
import { appQueries } from '@/features/apps/queries';
import { EnvironmentTabs } from '@/features/environments/components/environment-tabs';
import { environmentQueries } from '@/features/environments/queries';
import { SecretsView } from '@/features/secrets/components/secrets-view';
import { envPath, secretPath } from '../paths';

export function Component() {
  const { appId = '', envSlug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const environments = useQuery(environmentQueries.list());
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const onSearchChange = useCallback(
    (q: string) => setParams(q ? { q } : {}, { replace: true, preventScrollReset: true }),
    [setParams],
  );
  const hrefFor = useCallback((env: { slug: string }) => envPath(appId, env.slug) + (search ? `?q=${encodeURIComponent(search)}` : ''), [appId, search]);
  const secretHref = useCallback((secretId: string) => secretPath(appId, secretId), [appId]);

  const env = environments.data?.find((e) => e.slug === envSlug);
  return (
    <Container maxWidth="lg" sx={{ py: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 1, overflowWrap: 'anywhere' }}>
        {app.data?.name ?? appId}
        {env ? <Typography component="span" variant="h5" color="text.secondary">{` · ${env.label || env.name}`}</Typography> : null}
      </Typography>
      {environments.isPending ? (
        <Skeleton variant="rounded" height={48} aria-label="Loading environments" />
      ) : environments.isError ? (
        <ErrorAlert error={environments.error} title="Could not load environments" onRetry={() => void environments.refetch()} />
      ) : environments.data.length === 0 ? (
        <Alert severity="info">This account has no environments yet.</Alert>
      ) : (
        <>
          <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
            <EnvironmentTabs environments={environments.data} current={env ? env.slug : false} hrefFor={hrefFor} />
          </Box>
          {env ? (
            <SecretsView
              key={`${appId}/${env.id}`}
              appId={appId}
              environment={env}
              search={search}
              onSearchChange={onSearchChange}
              secretHref={secretHref}
            />
          ) : (
            <Alert severity="warning">There is no environment “{envSlug}”. Pick one of the tabs above.</Alert>
          )}
        </>
      )}
    </Container>
  );
}
