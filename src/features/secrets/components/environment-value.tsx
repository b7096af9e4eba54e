import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { VALUE_TYPE, type Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { CopyIcon, EditIcon, VisibilityIcon, VisibilityOffIcon } from '@/components/icons';
import { environmentName } from '@/lib/environment-name';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { listQuery } from '../list-query';
import { PRESENTATION_MASK, usePresentationMode } from '@/lib/presentation-mode';
import { usePageActions } from '@/lib/page-actions';
import { RevealedValue } from './revealed-value';

export interface EnvironmentValueProps {
  appId: string;
  secretName: string;
  env: Environment;
  /** When the revealed value hides itself; null while masked. */
  revealedUntil: number | null;
  onToggle: (shown: boolean) => void;
  onSet: () => void;
  onCopy: () => void;
  copyable: boolean;
  /** False: setting and copying are disabled (a session without a Write token). */
  canWrite: boolean;
  envHref: string;
}

/** One environment of the secret's page: masked value or "Not set", reveal, set or replace, copy. */
export function EnvironmentValue({ appId, secretName, env, revealedUntil, onToggle, onSet, onCopy, copyable, canWrite, envHref }: EnvironmentValueProps) {
  const headingId = useId();
  const name = environmentName(env);
  const preview = useQuery(listQuery({ appId, envId: env.id, names: [secretName] }));
  const rendered = preview.data?.secrets.find((s) => s.key === secretName);
  const hasValue = rendered !== undefined && rendered.valueType !== VALUE_TYPE.none;
  const shown = revealedUntil !== null;
  const presenting = usePresentationMode();
  // The palette offers this environment's buttons too, by the same names, where they are enabled.
  const canToggle = preview.data !== undefined && (shown || (hasValue && !presenting));
  usePageActions([
    ...(canToggle ? [{ key: `toggle:${env.id}`, label: `${shown ? 'Hide' : 'Reveal'} value in ${name}`, run: () => onToggle(shown) }] : []),
    ...(canWrite ? [{ key: `set:${env.id}`, label: `${hasValue ? 'Replace' : 'Set'} value in ${name}`, run: onSet }] : []),
    ...(canWrite && copyable ? [{ key: `copy:${env.id}`, label: `Copy from another environment into ${name}`, run: onCopy }] : []),
  ]);

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
        {presenting ? PRESENTATION_MASK : (rendered?.serializedValue ?? '')}
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
            disabled={!preview.data || ((!hasValue || presenting) && !shown)}
            startIcon={shown ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
          >
            {shown ? 'Hide' : 'Reveal'}
          </Button>
          <Button size="small" aria-label={`${hasValue ? 'Replace' : 'Set'} value in ${name}`} onClick={onSet} disabled={!canWrite} startIcon={<EditIcon fontSize="small" />}>
            {hasValue ? 'Replace' : 'Set value'}
          </Button>
          {copyable ? (
            <Button size="small" aria-label={`Copy from another environment into ${name}`} onClick={onCopy} disabled={!canWrite} startIcon={<CopyIcon fontSize="small" />}>
              Copy from…
            </Button>
          ) : null}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** One environment of a secret the token cannot read: only setting or replacing its value. */
export function WriteOnlyEnvironment({ env, onSet }: { env: Environment; onSet: () => void }) {
  const headingId = useId();
  const name = environmentName(env);
  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h2" id={headingId}>
          {name}
        </Typography>
        <Button size="small" aria-label={`Set or replace value in ${name}`} onClick={onSet} startIcon={<EditIcon fontSize="small" />}>
          Set or replace
        </Button>
      </Stack>
    </Paper>
  );
}
