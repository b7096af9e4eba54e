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
import { useAppReturnHref } from '../app-return';
import { envPath, secretPath } from '../paths';
import { ProblemPage } from '../problem-page';
import { useSecretMissing } from './use-secret-missing';

/**
 * `/apps/:appId/secrets/:secretId`: one secret in every environment. Its app's crumb leads back to
 * the environment the user came from; a secret that does not exist gets its own page.
 */
export function Component() {
  const { appId = '', secretId = '' } = useParams();
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const appHref = useAppReturnHref(appId);
  const missing = useSecretMissing(appId, secretId);
  const secretHref = useCallback((id: string) => secretPath(appId, id), [appId]);
  const envHref = useCallback(
    (env: Environment, secretName: string) => `${envPath(appId, env.slug)}?q=${encodeURIComponent(secretName)}`,
    [appId],
  );

  const appName = app.data?.name ?? appId;
  if (missing) return <ProblemPage problem={{ kind: 'no-secret', appId, appName, secretId, backHref: appHref }} />;
  return (
    <PageContainer>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 2 }}>
        <Link component={RouterLink} to="/apps" underline="hover" color="inherit">
          Apps
        </Link>
        <Link component={RouterLink} to={appHref} underline="hover" color="inherit">
          {appName}
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
