import { memo, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { errorText } from '@/components/error-alert';
import { CopyIcon, EditIcon, VisibilityIcon, VisibilityOffIcon } from '@/components/icons';
import { MONOSPACE_STACK } from '@/lib/fonts';
import type { RevealState } from '../use-revealed-values';

export interface SecretRowActions {
  onToggle: (key: string, shown: boolean) => void;
  onCopy: (key: string) => void;
  onEdit?: ((secret: RenderedSecret) => void) | undefined;
  secretHref: (secretId: string) => string;
}

function Countdown({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return (
    <Typography variant="caption" color="text.secondary" component="span">
      Hides in {seconds} s
    </Typography>
  );
}

export const valueBlockSx = {
  fontFamily: MONOSPACE_STACK,
  fontSize: '0.8125rem',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  m: 0,
} as const;

function Preview({ secret, reveal }: { secret: RenderedSecret; reveal: RevealState }) {
  if (reveal.status === 'shown') {
    if (reveal.value === null) return <Typography color="text.secondary" variant="body2">Not set</Typography>;
    return (
      <Box>
        <Box
          component="pre"
          aria-label={`Value of ${secret.key}`}
          sx={{ ...valueBlockSx, p: 1, borderRadius: 1, bgcolor: 'action.hover', maxHeight: 240, overflow: 'auto' }}
        >
          {reveal.value}
        </Box>
        <Countdown expiresAt={reveal.expiresAt} />
      </Box>
    );
  }
  if (reveal.status === 'error') {
    return (
      <Typography color="error" variant="body2" role="alert">
        Could not reveal: {errorText(reveal.error)}
      </Typography>
    );
  }
  if (secret.valueType === VALUE_TYPE.none) {
    return (
      <Typography color="text.secondary" variant="body2" sx={{ fontStyle: 'italic' }}>
        Not set
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: MONOSPACE_STACK, color: 'text.secondary' }}>
      {secret.serializedValue ?? ''}
    </Typography>
  );
}

export interface SecretRowProps extends SecretRowActions {
  secret: RenderedSecret;
  reveal: RevealState;
}

/** One row. Memoized: a keystroke in search or a tick elsewhere re-renders only rows whose data changed. */
export const SecretRow = memo(function SecretRow({ secret, reveal, onToggle, onCopy, onEdit, secretHref }: SecretRowProps) {
  const shown = reveal.status === 'shown' || reveal.status === 'pending';
  const hasValue = secret.valueType !== VALUE_TYPE.none;
  return (
    <>
      <Box role="cell" sx={{ minWidth: 0, overflowWrap: 'anywhere', fontWeight: 500 }}>
        <Link component={RouterLink} to={secretHref(secret.secretId)} underline="hover" sx={{ fontFamily: MONOSPACE_STACK, fontSize: '0.875rem' }}>
          {secret.key}
        </Link>
      </Box>
      <Box role="cell" sx={{ minWidth: 0 }}>
        <Preview secret={secret} reveal={reveal} />
      </Box>
      <Box role="cell" sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.25 }}>
        <Tooltip title={shown ? 'Hide' : 'Reveal'}>
          <IconButton
            size="small"
            aria-label={`${shown ? 'Hide' : 'Reveal'} ${secret.key}`}
            aria-pressed={shown}
            onClick={() => onToggle(secret.key, shown)}
          >
            {reveal.status === 'pending' ? (
              <CircularProgress size={18} aria-label={`Revealing ${secret.key}`} />
            ) : shown ? (
              <VisibilityOffIcon fontSize="small" />
            ) : (
              <VisibilityIcon fontSize="small" />
            )}
          </IconButton>
        </Tooltip>
        <Tooltip title={hasValue ? 'Copy value' : 'No value to copy'}>
          <span>
            <IconButton size="small" aria-label={`Copy ${secret.key}`} disabled={!hasValue} onClick={() => onCopy(secret.key)}>
              <CopyIcon fontSize="small" />
            </IconButton>
          </span>
        </Tooltip>
        {onEdit ? (
          <Tooltip title="Set value">
            <IconButton size="small" aria-label={`Edit ${secret.key}`} onClick={() => onEdit(secret)}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        ) : null}
      </Box>
    </>
  );
});
