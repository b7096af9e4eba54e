import { lazy, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import { PageContainer, PageHeading } from '@/components/page';
import { appQueries } from '@/features/apps/queries';
import { EnvironmentsGate } from '@/features/environments/components/environments-gate';
import { EnvironmentTabs, OVERVIEW_TAB } from '@/features/environments/components/environment-tabs';
import { CompareValues } from '@/features/overview/components/compare-values';
import { CopyValues } from '@/features/overview/components/copy-values';
import type { SetValueRequest } from '@/features/overview/components/overview-cells';
import { OverviewView } from '@/features/overview/components/overview-view';
import { useKeySelection } from '@/features/overview/components/use-key-selection';
import { useCompareValues } from '@/features/overview/use-compare-values';
import type { SetValueTarget } from '@/features/secrets/components/set-value-dialog';
import { SetValueHost } from '@/features/secrets/components/set-value-host';
import { listQuery } from '@/features/secrets/list-query';
import { TransferActions } from '@/features/transfer/transfer-actions';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { lastEnvironment } from '../last-environment';
import { appPath, envPath, secretPath, withSearch } from '../paths';
import { useOverviewCopy } from './use-overview-copy';

// Import with what it reads and writes: loaded when first used.
const TransferHost = lazy(() => import('./transfer-host'));

/**
 * `/apps/:appId`: the app's overview, every key in every environment, with a tab per environment.
 * Composes the secrets feature's masked list query and set-value dialog into the overview feature,
 * which may not import them itself.
 */
export function Component() {
  const { appId = '' } = useParams();
  const [search, onSearchChange] = useSearchParamState('q');
  const [missing, onMissingChange] = useSearchParamState('missing');
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const listOptions = useCallback((envId: string) => listQuery({ appId, envId }), [appId]);
  const secretHref = useCallback((secretId: string) => secretPath(appId, secretId), [appId]);
  const hrefFor = useCallback((env: { slug: string }) => withSearch(envPath(appId, env.slug), search), [appId, search]);
  const [editing, setEditing] = useState<SetValueTarget | null>(null);
  const selection = useKeySelection(appId);
  const copyApi = useOverviewCopy(appId);
  // Compare reads each environment's clear list through the same uncached read as the copy.
  const compare = useCompareValues(appId, copyApi.readFull);
  const onSetValue = useCallback(
    ({ secretId, key, environment }: SetValueRequest) => setEditing({ secretId, secretName: key, environment }),
    [],
  );
  // A secret's page opened from here leads back here (app-return.ts).
  useEffect(() => {
    lastEnvironment.rememberOverview(appId);
  }, [appId]);

  return (
    <PageContainer>
      <PageHeading detail=" · Overview">{app.data?.name ?? appId}</PageHeading>
      <EnvironmentsGate skeletonHeight={48}>
        {(environments) => (
          <>
            <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
              <EnvironmentTabs environments={environments} current={OVERVIEW_TAB} hrefFor={hrefFor} overviewHref={withSearch(appPath(appId), search)} />
            </Box>
            <OverviewView
              key={appId}
              environments={environments}
              listOptions={listOptions}
              search={search}
              onSearchChange={onSearchChange}
              missing={missing}
              onMissingChange={onMissingChange}
              secretHref={secretHref}
              onSetValue={onSetValue}
              editingKey={editing?.secretName ?? null}
              selection={selection}
              comparison={compare.state.status === 'done' ? compare.state.comparison : null}
              actions={
                <>
                  <CompareValues compare={compare} environments={environments} />
                  <CopyValues environments={environments} selected={selection.selected} api={copyApi} />
                  <TransferActions
                    environments={environments}
                    envId={undefined}
                    renderHost={(host) => <TransferHost {...host} appId={appId} environments={environments} envId={undefined} />}
                  />
                </>
              }
            />
          </>
        )}
      </EnvironmentsGate>
      <SetValueHost appId={appId} target={editing} onClose={() => setEditing(null)} secretHref={secretHref} />
    </PageContainer>
  );
}
