import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useSearchParamState } from '@/lib/use-search-param-state';
import { appQueries } from '@/features/apps/queries';
import { EnvironmentsGate } from '@/features/environments/components/environments-gate';
import { EnvironmentTabs } from '@/features/environments/components/environment-tabs';
import { environmentQueries } from '@/features/environments/queries';
import type { RenderedSecret } from '@/api/contract';
import { Notice } from '@/components/ui/notice';
import { NewSecretButton } from '@/features/secrets/components/new-secret-button';
import { SetValueHost } from '@/features/secrets/components/set-value-host';
import { SecretsView } from '@/features/secrets/components/secrets-view';
import { envPath, secretPath } from '../paths';
import { environmentName } from '@/lib/environment-name';
import styles from './secrets-route.module.css';

/**
 * `/apps/:appId/:envSlug`: an environment's secrets. In the main bundle and free of MUI, so a
 * direct load paints rows without waiting for a route chunk or the UI library (#6); dialogs load
 * with MUI when opened.
 */
export function Component() {
  const { appId = '', envSlug = '' } = useParams();
  const [search, onSearchChange] = useSearchParamState('q');
  const environments = useQuery(environmentQueries.list());
  const app = useQuery(appQueries.lookup(appId, 'Identifier'));
  const hrefFor = useCallback((env: { slug: string }) => envPath(appId, env.slug) + (search ? `?q=${encodeURIComponent(search)}` : ''), [appId, search]);
  const secretHref = useCallback((secretId: string) => secretPath(appId, secretId), [appId]);

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
  if (editing && editing.envId !== envId) setEditing(null);
  return (
    <div className={styles.page}>
      <h1 className={styles.heading}>
        {app.data?.name ?? appId}
        {envName ? <span className={styles.envName}>{` · ${envName}`}</span> : null}
      </h1>
      <EnvironmentsGate skeletonHeight={48}>
        {(list) => (
          <>
            <div className={styles.tabs}>
              <EnvironmentTabs environments={list} current={env ? env.slug : false} hrefFor={hrefFor} />
            </div>
            {env ? (
              <SecretsView
                key={`${appId}/${env.id}`}
                appId={appId}
                environment={env}
                search={search}
                onSearchChange={onSearchChange}
                secretHref={secretHref}
                onEdit={onEdit}
                actions={<NewSecretButton appId={appId} environments={list} defaultEnvId={env.id} secretHref={secretHref} />}
              />
            ) : (
              <Notice severity="warning">There is no environment “{envSlug}”. Pick one of the tabs above.</Notice>
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
    </div>
  );
}
