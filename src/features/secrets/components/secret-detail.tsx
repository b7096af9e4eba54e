import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import { VALUE_TYPE, type Environment, type PurposeType } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { CopyIcon, EditIcon, VisibilityIcon, VisibilityOffIcon } from '@/components/icons';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { usePreferences } from '@/lib/preferences';
import { secretQueries } from '../queries';
import { useRevealedSecret } from '../use-revealed-secret';
import { CopyValueDialog } from './copy-value-dialog';
import { PURPOSES } from './create-secret-dialog';
import { RevealedValue } from './revealed-value';
import { SetValueDialog } from './set-value-dialog';
import { SuccessSnackbar } from '@/components/success-snackbar';
import { environmentName } from '@/lib/environment-name';

export interface SecretDetailProps {
  appId: string;
  secretId: string;
  environments: readonly Environment[];
  secretHref: (secretId: string) => string;
  envHref: (env: Environment, secretName: string) => string;
}

type Editing = { kind: 'set' | 'copy'; env: Environment } | null;

/** One secret: its name and purpose, then each environment's masked value, reveal, set and copy. */
export function SecretDetail({ appId, secretId, environments, secretHref, envHref }: SecretDetailProps) {
  const detail = useQuery(secretQueries.detail(appId, secretId));
  if (detail.isPending) {
    return (
      <Stack spacing={2} aria-busy="true" aria-label="Loading secret">
        <Skeleton variant="text" width="40%" height={48} />
        {environments.map((env) => (
          <Skeleton key={env.id} variant="rounded" height={72} />
        ))}
      </Stack>
    );
  }
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <ErrorAlert
        error={detail.error}
        title={notFound ? 'This secret does not exist (any more)' : 'Could not load the secret'}
        onRetry={notFound ? undefined : () => void detail.refetch()}
        forbiddenHint="Reading a secret needs a token with Read scope on this app."
      />
    );
  }
  return (
    <SecretEnvironments
      key={detail.data.id}
      appId={appId}
      secretId={detail.data.id}
      secretName={detail.data.name}
      purposeType={detail.data.purposeType}
      environments={environments}
      secretHref={secretHref}
      envHref={envHref}
    />
  );
}

function SecretEnvironments({
  appId,
  secretId,
  secretName,
  purposeType,
  environments,
  secretHref,
  envHref,
}: Omit<SecretDetailProps, 'secretId'> & { secretId: string; secretName: string; purposeType: string }) {
  const { autoHideSeconds } = usePreferences();
  const reveal = useRevealedSecret({ appId, secretName, autoHideMs: autoHideSeconds * 1000 });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const purpose = PURPOSES[purposeType as PurposeType] as (typeof PURPOSES)[PurposeType] | undefined;

  const closeEditor = () => setEditing(null);
  const beforeWrite = editing ? () => reveal.hide(editing.env.id) : undefined;

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h4" component="h1" sx={{ fontFamily: MONOSPACE_STACK, overflowWrap: 'anywhere' }}>
          {secretName}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1, flexWrap: 'wrap' }}>
          <Chip label={`Purpose: ${purpose?.title ?? purposeType}`} size="small" />
          {purpose ? (
            <Typography variant="body2" color="text.secondary">
              {purpose.description}
            </Typography>
          ) : null}
        </Stack>
      </Box>
      {environments.length === 0 ? <Alert severity="info">This account has no environments yet.</Alert> : null}
      {environments.map((env) => (
        <EnvironmentValue
          key={env.id}
          appId={appId}
          secretName={secretName}
          env={env}
          revealedUntil={reveal.expiryOf(env.id)}
          onToggle={(shown) => (shown ? reveal.hide(env.id) : reveal.reveal(env.id))}
          onSet={() => setEditing({ kind: 'set', env })}
          onCopy={() => setEditing({ kind: 'copy', env })}
          copyable={environments.length > 1}
          envHref={envHref(env, secretName)}
        />
      ))}
      <Typography variant="body2" color="text.secondary">
        Revealed values hide after {autoHideSeconds} s or when you leave this tab.
      </Typography>

      {editing?.kind === 'set' ? (
        <SetValueDialog
          key={editing.env.id}
          appId={appId}
          target={{ secretId, secretName, environment: editing.env }}
          onClose={closeEditor}
          onSaved={setMessage}
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
          onSaved={setMessage}
          onBeforeWrite={beforeWrite}
        />
      ) : null}
      <SuccessSnackbar message={message} onClose={() => setMessage(null)} />
    </Stack>
  );
}

interface EnvironmentValueProps {
  appId: string;
  secretName: string;
  env: Environment;
  /** When the revealed value hides itself; null while masked. */
  revealedUntil: number | null;
  onToggle: (shown: boolean) => void;
  onSet: () => void;
  onCopy: () => void;
  copyable: boolean;
  envHref: string;
}

function EnvironmentValue({ appId, secretName, env, revealedUntil, onToggle, onSet, onCopy, copyable, envHref }: EnvironmentValueProps) {
  const headingId = useId();
  const name = environmentName(env);
  const preview = useQuery(secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly', names: [secretName] }));
  const rendered = preview.data?.secrets.find((s) => s.key === secretName);
  const hasValue = rendered !== undefined && rendered.valueType !== VALUE_TYPE.none;
  const shown = revealedUntil !== null;

  let body;
  if (preview.isPending) body = <Skeleton variant="text" width={160} aria-label={`Loading the value in ${name}`} />;
  else if (preview.isError)
    body = (
      <ErrorAlert
        error={preview.error}
        title={`Could not load ${name}`}
        onRetry={() => void preview.refetch()}
        forbiddenHint={`Your token may not read ${name} of this app.`}
      />
    );
  else if (revealedUntil !== null)
    body = <RevealedValue appId={appId} envId={env.id} name={secretName} source="single" expiresAt={revealedUntil} label={`Value in ${name}`} />;
  else if (!hasValue)
    body = (
      <Typography color="text.secondary" sx={{ fontStyle: 'italic' }}>
        Not set
      </Typography>
    );
  else
    body = (
      <Typography sx={{ fontFamily: MONOSPACE_STACK, color: 'text.secondary' }} role="group" aria-label={`Masked value in ${name}`}>
        {rendered?.serializedValue ?? ''}
      </Typography>
    );

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
        <Box sx={{ width: { sm: 160 }, flexShrink: 0 }}>
          <Typography variant="subtitle1" component="h2" id={headingId}>
            <Link component={RouterLink} to={envHref} underline="hover" color="inherit">
              {name}
            </Link>
          </Typography>
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>{body}</Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0, flexWrap: 'wrap' }}>
          <Button
            size="small"
            aria-label={`${shown ? 'Hide' : 'Reveal'} value in ${name}`}
            aria-pressed={shown}
            onClick={() => onToggle(shown)}
            disabled={!preview.data}
            startIcon={shown ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
          >
            {shown ? 'Hide' : 'Reveal'}
          </Button>
          <Button size="small" aria-label={`${hasValue ? 'Replace' : 'Set'} value in ${name}`} onClick={onSet} startIcon={<EditIcon fontSize="small" />}>
            {hasValue ? 'Replace' : 'Set value'}
          </Button>
          {copyable ? (
            <Button size="small" aria-label={`Copy into ${name} from another environment`} onClick={onCopy} startIcon={<CopyIcon fontSize="small" />}>
              Copy from…
            </Button>
          ) : null}
        </Stack>
      </Stack>
    </Paper>
  );
}
