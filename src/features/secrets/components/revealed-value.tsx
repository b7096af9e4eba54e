import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { VALUE_TYPE, type RenderedSecretsResponse } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { errorText } from '@/components/error-alert';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { secretQueries } from '../queries';

const valueBlockSx = {
  fontFamily: MONOSPACE_STACK,
  fontSize: '0.8125rem',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  m: 0,
} as const;

/** The clear value of `name` in a Full response: a string, null when not set, undefined when absent. */
export function valueIn(data: RenderedSecretsResponse, name: string): string | null | undefined {
  const secret = data.secrets.find((s) => s.key === name);
  if (!secret) return undefined;
  return secret.valueType === VALUE_TYPE.none ? null : (secret.serializedValue ?? null);
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

export interface RevealedValueProps {
  appId: string;
  envId: string;
  name: string;
  /** 'single': the entry filtered to this name; 'all': the environment's "reveal all" entry. */
  source: 'single' | 'all';
  expiresAt: number;
  /** Error shown here (single) or once elsewhere (all). */
  showErrors?: boolean;
  /** Accessible name of the value block; default `Value of <name>`. */
  label?: string;
}

/**
 * A revealed value, mounted only while it is shown. It reads the value from its Full-mode query
 * entry and holds it nowhere else: no value travels through props or parent state, so hiding
 * (unmounting this component, removing the entry) leaves no copy in React's fibers.
 */
export function RevealedValue({ appId, envId, name, source, expiresAt, showErrors = true, label }: RevealedValueProps) {
  const query = useQuery({
    ...secretQueries.rendered({ appId, envId, mode: 'Full', names: source === 'single' ? [name] : undefined }),
    select: (data) => valueIn(data, name),
  });
  if (query.isPending) {
    return (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, color: 'text.secondary' }}>
        <CircularProgress size={14} aria-label={`Revealing ${name}`} />
        Revealing…
      </Box>
    );
  }
  if (query.isError) {
    return showErrors ? (
      <Typography color="error" variant="body2" role="alert">
        Could not reveal: {errorText(query.error)}
        {isApiError(query.error) && query.error.requestId ? <> (request id <code>{query.error.requestId}</code>)</> : null}{' '}
        <Button size="small" onClick={() => void query.refetch()} aria-label={`Retry revealing ${name}`}>
          Retry
        </Button>
      </Typography>
    ) : null;
  }
  if (query.data === null) {
    return (
      <Typography color="text.secondary" variant="body2" sx={{ fontStyle: 'italic' }}>
        Not set
      </Typography>
    );
  }
  if (query.data === undefined) {
    return (
      <Typography color="text.secondary" variant="body2">
        No longer in this environment
      </Typography>
    );
  }
  return (
    <Box>
      <Box
        component="pre"
        role="group"
        // A pre (role generic) may not be named: the group carries the name.
        aria-label={label ?? `Value of ${name}`}
        sx={{ ...valueBlockSx, p: 1, borderRadius: 1, bgcolor: 'action.hover', maxHeight: 240, overflow: 'auto' }}
      >
        {query.data}
      </Box>
      <Countdown expiresAt={expiresAt} />
    </Box>
  );
}
