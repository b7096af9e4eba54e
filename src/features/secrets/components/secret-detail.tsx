import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment, PurposeType } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { PageHeading } from '@/components/page';
import { useToasts } from '@/components/toast-queue';
import { useCanWrite } from '@/api/use-can-write';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { usePreferences } from '@/lib/preferences';
import { markSecretDetailUnavailable } from '../api';
import { detailQuery } from '../detail-query';
import { PURPOSES } from '../domain';
import { locateQuery } from '../locate-query';
import { useRevealedValues } from '../use-revealed-values';
import { EnvironmentValue, WriteOnlyEnvironment } from './environment-value';

// The dialogs load when first opened.
const SetValueDialog = lazy(() => import('./set-value-dialog').then((m) => ({ default: m.SetValueDialog })));
const CopyValueDialog = lazy(() => import('./copy-value-dialog').then((m) => ({ default: m.CopyValueDialog })));

export interface SecretDetailProps {
  appId: string;
  secretId: string;
  environments: readonly Environment[];
  secretHref: (secretId: string) => string;
  envHref: (env: Environment, secretName: string) => string;
}

type Editing = { kind: 'set' | 'copy'; env: Environment } | null;

/**
 * One secret in every environment. Its name and purpose come from the detail endpoint; where that
 * cannot answer, the name comes from the environments' masked lists (purpose unknown), and a token
 * that can read neither gets a page to set values only.
 */
export function SecretDetail({ appId, secretId, environments, secretHref, envHref }: SecretDetailProps) {
  const detail = useQuery(detailQuery(appId, secretId));
  const fallback = detail.data !== undefined && detail.data.kind !== 'entity';
  const located = useQuery({ ...locateQuery(appId, secretId, environments), enabled: fallback });
  const detailNotFound = detail.data?.kind === 'not-found';
  const foundInLists = located.data != null;
  useEffect(() => {
    // A 404 for a secret the lists show: the server has no detail endpoint; don't ask again.
    if (detailNotFound && foundInLists) markSecretDetailUnavailable(appId, secretId);
  }, [detailNotFound, foundInLists, appId, secretId]);

  if (detail.isError) {
    return (
      <ErrorAlert
        error={detail.error}
        title="Could not load the secret"
        onRetry={() => void detail.refetch()}
        forbiddenHint="Reading a secret needs a token with Read scope on this app."
      />
    );
  }
  if (detail.isPending || (fallback && located.isPending)) {
    return (
      <Stack spacing={2} role="status" aria-busy="true" aria-label="Loading secret">
        <Skeleton variant="text" width="40%" height={48} />
        {environments.map((env) => (
          <Skeleton key={env.id} variant="rounded" height={72} />
        ))}
      </Stack>
    );
  }
  const common = { appId, secretId, environments, secretHref, envHref };
  if (detail.data.kind === 'entity') {
    const { secret } = detail.data;
    return <SecretEnvironments key={secret.id} {...common} secretId={secret.id} secretName={secret.name} purposeType={secret.purposeType} />;
  }
  if (located.isError) {
    if (isApiError(located.error) && located.error.status === 403) return <WriteOnlySecret {...common} />;
    return <ErrorAlert error={located.error} title="Could not load the secret" onRetry={() => void located.refetch()} />;
  }
  if (!located.data) {
    return (
      <Alert severity="warning">
        <AlertTitle>This secret does not exist (any more)</AlertTitle>
        No environment of this app lists a secret with the id <code>{secretId}</code>.
      </Alert>
    );
  }
  return <SecretEnvironments key={secretId} {...common} secretName={located.data.key} purposeType={undefined} />;
}

interface SecretEnvironmentsProps extends SecretDetailProps {
  secretName: string;
  /** undefined: not known (the detail endpoint did not answer). */
  purposeType: string | undefined;
}

function SecretEnvironments({ appId, secretId, secretName, purposeType, environments, secretHref, envHref }: SecretEnvironmentsProps) {
  const { autoHideSeconds } = usePreferences();
  const reveal = useRevealedValues({ appId, envIds: environments.map((env) => env.id), autoHideMs: autoHideSeconds * 1000 });
  const [editing, setEditing] = useState<Editing>(null);
  const toasts = useToasts();
  const onSaved = (message: string) => toasts.show({ message, severity: 'success' });
  const purpose = purposeType === undefined ? undefined : (PURPOSES[purposeType as PurposeType] as (typeof PURPOSES)[PurposeType] | undefined);

  const closeEditor = () => setEditing(null);
  const beforeWrite = editing ? () => reveal.hide(editing.env.id, secretName) : undefined;
  const canWrite = useCanWrite();

  return (
    <>
      <Stack spacing={2}>
        <Box>
          <PageHeading monospace>{secretName}</PageHeading>
          {purposeType === undefined ? null : (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip label={`Purpose: ${purpose?.title ?? purposeType}`} size="small" />
              {purpose ? (
                <Typography variant="body2" color="text.secondary">
                  {purpose.description}
                </Typography>
              ) : null}
            </Stack>
          )}
        </Box>
        {canWrite ? null : <ReadOnlyNotice />}
        {environments.length === 0 ? <Alert severity="info">This account has no environments yet.</Alert> : null}
        {environments.map((env) => (
          <EnvironmentValue
            key={env.id}
            appId={appId}
            secretName={secretName}
            env={env}
            revealedUntil={reveal.revealOf(env.id, secretName)?.expiresAt ?? null}
            onToggle={(shown) => (shown ? reveal.hide(env.id, secretName) : reveal.reveal(env.id, secretName))}
            onSet={() => setEditing({ kind: 'set', env })}
            onCopy={() => setEditing({ kind: 'copy', env })}
            copyable={environments.length > 1}
            canWrite={canWrite}
            envHref={envHref(env, secretName)}
          />
        ))}
        <Typography variant="body2" color="text.secondary">
          Revealed values hide after {autoHideSeconds} s or when you leave this tab.
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Looking for Rename or Delete? The secrets service’s API offers neither, so the dashboard cannot either.
        </Typography>
      </Stack>
      <Suspense fallback={null}>
        {editing?.kind === 'set' ? (
          <SetValueDialog
            key={editing.env.id}
            appId={appId}
            target={{ secretId, secretName, environment: editing.env }}
            onClose={closeEditor}
            onSaved={onSaved}
            onBeforeWrite={beforeWrite}
            secretHref={secretHref}
          />
        ) : null}
        {editing?.kind === 'copy' ? (
          <CopyValueDialog
            key={editing.env.id}
            appId={appId}
            secretId={secretId}
            secretName={secretName}
            target={editing.env}
            environments={environments}
            onClose={closeEditor}
            onSaved={onSaved}
            onBeforeWrite={beforeWrite}
          />
        ) : null}
      </Suspense>
    </>
  );
}

/** A secret the token may change but not read (a Write token): set or replace per environment. */
function WriteOnlySecret({ appId, secretId, environments, secretHref }: SecretDetailProps) {
  const [editing, setEditing] = useState<Environment | null>(null);
  const toasts = useToasts();
  const onSaved = (message: string) => toasts.show({ message, severity: 'success' });
  return (
    <>
      <Stack spacing={2}>
        <PageHeading>
          Secret <Box component="code" sx={{ fontFamily: MONOSPACE_STACK }}>{secretId}</Box>
        </PageHeading>
        <Alert severity="info">
          <AlertTitle>Name and values are not shown</AlertTitle>
          Your token can change this secret but not read it: a Write token cannot read names or values. You can still set or
          replace its value in each environment. To see them, sign in with a Read token as well.
        </Alert>
        {environments.length === 0 ? <Alert severity="info">This account has no environments yet.</Alert> : null}
        {environments.map((env) => (
          <WriteOnlyEnvironment key={env.id} env={env} onSet={() => setEditing(env)} />
        ))}
      </Stack>
      <Suspense fallback={null}>
        {editing ? (
          <SetValueDialog
            key={editing.id}
            appId={appId}
            target={{ secretId, secretName: 'this secret', environment: editing }}
            readable={false}
            onClose={() => setEditing(null)}
            onSaved={onSaved}
            secretHref={secretHref}
          />
        ) : null}
      </Suspense>
    </>
  );
}
