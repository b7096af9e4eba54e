import { lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { RenderedSecret } from '@/api/contract';
import { PageContainer, PageHeading } from '@/components/page';
import { appQueries } from '@/features/apps/queries';
import { EnvironmentsGate } from '@/features/environments/components/environments-gate';
import { EnvironmentTabs } from '@/features/environments/components/environment-tabs';
import { environmentQueries } from '@/features/environments/queries';
import { NewSecretButton } from '@/features/secrets/components/new-secret-button';
import { SecretsView } from '@/features/secrets/components/secrets-view';
import type { TableHighlight } from '@/features/secrets/components/secrets-table';
import { SetValueHost } from '@/features/secrets/components/set-value-host';
import { TransferActions } from '@/features/transfer/transfer-actions';
import { environmentName } from '@/lib/environment-name';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { lastEnvironment } from '../last-environment';
import type { PaletteLocationState } from '../palette-root';
import { appPath, envPath, secretPath, withSearch } from '../paths';

// Import, Export and "Use it locally" with what they read and write: loaded when first used.
const TransferHost = lazy(() => import('./transfer-host'));

function chosenKey(state: unknown): TableHighlight | null {
  const key = (state as Partial<PaletteLocationState> | null)?.highlightKey;
  return typeof key === 'string' ? { key, focus: true } : null;
}

/** `/apps/:appId/:envSlug`: an environment's secrets, with a tab per environment. */
export function Component() {
  const { appId = '', envSlug = '' } = useParams();
  const [search, onSearchChange] = useSearchParamState('q');
  const environments = useQuery(environmentQueries.list());
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const hrefFor = useCallback((env: { slug: string }) => withSearch(envPath(appId, env.slug), search), [appId, search]);
  const secretHref = useCallback((secretId: string) => secretPath(appId, secretId), [appId]);
  const overviewHref = withSearch(appPath(appId), search);

  const env = environments.data?.find((e) => e.slug === envSlug);
  // The secret whose value is being set; dropped when the environment changes under it.
  const [editing, setEditing] = useState<{ secret: RenderedSecret; envId: string } | null>(null);
  const envId = env?.id;
  const onEdit = useCallback(
    (secret: RenderedSecret) => {
      if (envId) setEditing({ secret, envId });
    },
    [envId],
  );
  const envName = useMemo(() => (env ? environmentName(env) : null), [env]);
  const shownSlug = env?.slug;
  // A secret's page opened from here leads back to this environment (last-environment.ts).
  useEffect(() => {
    if (shownSlug) lastEnvironment.remember(appId, shownSlug);
  }, [appId, shownSlug]);
  if (editing && editing.envId !== envId) setEditing(null);
  // The key to show: the one created last from this page, or the one chosen in the palette (which
  // navigates here with it in the location's state; its Reveal button takes focus).
  const location = useLocation();
  const [highlight, setHighlight] = useState<TableHighlight | null>(() => chosenKey(location.state));
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (seenLocation !== location.key) {
    setSeenLocation(location.key);
    const chosen = chosenKey(location.state);
    if (chosen) setHighlight(chosen);
  }
  const onCreated = useCallback((secret: { name: string }) => setHighlight({ key: secret.name, focus: false }), []);
  return (
    <PageContainer>
      <PageHeading detail={envName ? ` · ${envName}` : null}>{app.data?.name ?? appId}</PageHeading>
      <EnvironmentsGate skeletonHeight={48}>
        {(list) => (
          <>
            <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
              <EnvironmentTabs environments={list} current={env ? env.slug : false} hrefFor={hrefFor} overviewHref={overviewHref} />
            </Box>
            {env ? (
              <SecretsView
                key={`${appId}/${env.id}`}
                appId={appId}
                environment={env}
                search={search}
                onSearchChange={onSearchChange}
                secretHref={secretHref}
                onEdit={onEdit}
                highlight={highlight}
                actions={
                  <>
                    <TransferActions
                      environments={list}
                      envId={env.id}
                      renderHost={(host) => <TransferHost {...host} appId={appId} environments={list} envId={env.id} />}
                    />
                    <NewSecretButton appId={appId} environments={list} defaultEnvId={env.id} secretHref={secretHref} onCreated={onCreated} />
                  </>
                }
              />
            ) : (
              <Alert severity="warning" role="status">
                There is no environment “{envSlug}”. Pick one of the tabs above.
              </Alert>
            )}
          </>
        )}
      </EnvironmentsGate>
      <SetValueHost
        appId={appId}
        target={editing && env ? { secretId: editing.secret.secretId, secretName: editing.secret.key, environment: env } : null}
        onClose={() => setEditing(null)}
        secretHref={secretHref}
      />
    </PageContainer>
  );
}
