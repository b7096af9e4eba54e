import { useId, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { VALUE_TYPE, type Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { getRenderedSecrets } from '../api';
import { secretQueries } from '../queries';
import { isProductionEnvironment } from '../domain';
import { useRefocusAfterPending } from '../use-refocus-after-pending';
import { useSetSecretValue } from '../use-set-secret-value';
import { WriteErrorAlert } from './write-error-alert';
import { environmentName } from '@/lib/environment-name';

export interface CopyValueDialogProps {
  appId: string;
  secretId: string;
  secretName: string;
  /** Where the value goes. */
  target: Environment;
  environments: readonly Environment[];
  onClose: () => void;
  onSaved?: ((message: string) => void) | undefined;
  onBeforeWrite?: (() => void) | undefined;
}

/**
 * Copies the secret's value from another environment into `target` without showing it: one Full
 * read filtered to the name (a direct call: nothing is cached), sent straight to setSecretValue.
 */
export function CopyValueDialog({ appId, secretId, secretName, target, environments, onClose, onSaved, onBeforeWrite }: CopyValueDialogProps) {
  const titleId = useId();
  const sources = environments.filter((env) => env.id !== target.id);
  const previews = useQueries({
    queries: sources.map((env) => secretQueries.rendered({ appId, envId: env.id, mode: 'PreviewOnly', names: [secretName] })),
  });
  const hasValue = (index: number): boolean | undefined => {
    const data = previews[index]?.data;
    if (!data) return undefined;
    const secret = data.secrets.find((s) => s.key === secretName);
    return secret !== undefined && secret.valueType !== VALUE_TYPE.none;
  };
  const firstWithValue = sources.find((_, index) => hasValue(index) === true);
  const [picked, setPicked] = useState<string | null>(null);
  const sourceId = picked ?? firstWithValue?.id ?? '';
  const source = sources.find((env) => env.id === sourceId);
  const production = isProductionEnvironment(target);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ phase: 'read' | 'write'; error: unknown } | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const busy = useRef(false);
  const copyButton = useRefocusAfterPending<HTMLButtonElement>(pending);
  const setValue = useSetSecretValue();
  const targetName = environmentName(target);

  async function copy(productionConfirmed: boolean) {
    if (busy.current || !source) return;
    if (production && !productionConfirmed) {
      setConfirming(true);
      return;
    }
    busy.current = true;
    setPending(true);
    setFailure(null);
    setMissing(null);
    try {
      let text: string;
      try {
        const data = await getRenderedSecrets({ appId, envId: source.id, mode: 'Full', names: [secretName] });
        const secret = data.secrets.find((s) => s.key === secretName);
        if (!secret || secret.valueType === VALUE_TYPE.none || secret.serializedValue === undefined) {
          setMissing(`${secretName} has no value in ${environmentName(source)}: there is nothing to copy.`);
          setConfirming(false);
          return;
        }
        text = secret.serializedValue;
      } catch (error) {
        setFailure({ phase: 'read', error });
        setConfirming(false);
        return;
      }
      try {
        onBeforeWrite?.();
        await setValue.mutateAsync({ appId, secretId, envId: target.id, text });
      } catch (error) {
        setFailure({ phase: 'write', error });
        setConfirming(false);
        return;
      }
      onSaved?.(`Copied ${secretName} from ${environmentName(source)} to ${targetName}.`);
      onClose();
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  const close = () => {
    if (!busy.current) onClose();
  };
  const spinner = pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : null;

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>
        Copy {secretName} into {targetName}
      </DialogTitle>
      <DialogContent>
        {confirming ? (
          <Alert severity="warning">
            <AlertTitle>Set value in {targetName}?</AlertTitle>
            {targetName} is a production environment: the value of {secretName} there is replaced at once with the one from{' '}
            {source ? environmentName(source) : 'the source'}.
          </Alert>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DialogContentText>
              The value is copied as it is, without being shown. It replaces the current value in {targetName}.
            </DialogContentText>
            <TextField
              select
              label="Copy from"
              value={sourceId}
              onChange={(event) => setPicked(event.target.value)}
              disabled={pending}
              helperText={sources.length === 0 ? 'There is no other environment.' : undefined}
            >
              {sources.map((env, index) => {
                const value = hasValue(index);
                return (
                  <MenuItem key={env.id} value={env.id} disabled={value === false}>
                    {environmentName(env)}
                    {value === false ? ' (not set)' : ''}
                  </MenuItem>
                );
              })}
            </TextField>
            {missing ? <Alert severity="info">{missing}</Alert> : null}
            {failure?.phase === 'read' ? (
              <ErrorAlert error={failure.error} title={`Could not read the value in ${source ? environmentName(source) : 'the source'}`} />
            ) : null}
            {failure?.phase === 'write' ? <WriteErrorAlert error={failure.error} title={`Could not set the value in ${targetName}`} /> : null}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        {confirming ? (
          <>
            <Button onClick={() => setConfirming(false)} disabled={pending}>
              Back
            </Button>
            <Button variant="contained" color="warning" autoFocus disabled={pending} startIcon={spinner} onClick={() => void copy(true)}>
              Set value in {targetName}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button ref={copyButton} variant="contained" disabled={pending || !source} startIcon={spinner} onClick={() => void copy(false)}>
              {pending ? 'Copying…' : 'Copy value'}
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
