import { useCallback } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { Environment } from '@/api/contract';
import { PageContainer } from '@/components/page';
import { appQueries } from '@/features/apps/queries';
import { EnvironmentsGate } from '@/features/environments/components/environments-gate';
import { SecretDetail } from '@/features/secrets/components/secret-detail';
import { appPath, envPath, secretPath } from '../paths';

/** `/apps/:appId/secrets/:secretId`: one secret in every environment. */
export function Component() {
  const { appId = '', secretId = '' } = useParams();
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const secretHref = useCallback((id: string) => secretPath(appId, id), [appId]);
  const envHref = useCallback(
    (env: Environment, secretName: string) => `${envPath(appId, env.slug)}?q=${encodeURIComponent(secretName)}`,
    [appId],
  );

  return (
    <PageContainer>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
        <Link component={RouterLink} to="/apps" underline="hover" color="inherit">
          Apps
        </Link>
        <Link component={RouterLink} to={appPath(appId)} underline="hover" color="inherit">
          {app.data?.name ?? appId}
        </Link>
        <Typography color="text.primary" aria-current="page">
          Secret
        </Typography>
      </Breadcrumbs>
      <EnvironmentsGate skeletonHeight={200}>
        {(environments) => <SecretDetail appId={appId} secretId={secretId} environments={environments} secretHref={secretHref} envHref={envHref} />}
      </EnvironmentsGate>
    </PageContainer>
  );
}
