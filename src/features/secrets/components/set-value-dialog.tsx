import { useId, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { DiscardChangesDialog } from '@/components/confirm-dialog';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { secretQueries } from '../queries';
import { isProductionEnvironment } from '../domain';
import { valueSizeError } from '../secret-name';
import { useRefocusAfterPending } from '../use-refocus-after-pending';
import { useSetSecretValue } from '../use-set-secret-value';
import { ValueField } from './value-field';
import { WriteErrorAlert } from './write-error-alert';
import { environmentName } from '@/lib/environment-name';

export interface SetValueTarget {
  secretId: string;
  secretName: string;
  environment: Environment;
}

export interface SetValueDialogProps {
  appId: string;
  target: SetValueTarget;
  /** Closes the dialog (mount it only while open: its state is the editor's). */
  onClose: () => void;
  /** After the value was saved, with a sentence to announce. */
  onSaved?: ((message: string) => void) | undefined;
  /** Right before the write is sent (e.g. to hide a revealed value of this secret). */
  onBeforeWrite?: (() => void) | undefined;
  secretHref: (secretId: string) => string;
  /** false: the token cannot read this secret (a Write token), so no change since opening can be checked. */
  readable?: boolean | undefined;
}


/** The environment's digest as the user last saw it (the newest masked list in the cache). */
export function cachedDigest(queryClient: QueryClient, appId: string, envId: string, secretName: string): string | undefined {
  let best: { digest: string; at: number } | undefined;
  for (const names of [undefined, [secretName]]) {
    const { queryKey } = secretQueries.rendered({ appId, envId, mode: 'PreviewOnly', names });
    const state = queryClient.getQueryState(queryKey);
    if (state?.data && (!best || state.dataUpdatedAt > best.at)) best = { digest: state.data.secretDigest, at: state.dataUpdatedAt };
  }
  return best?.digest;
}

/** The environment's digest now; undefined when the token may not read it (403: nothing to compare). */
async function freshDigest(queryClient: QueryClient, options: ReturnType<typeof secretQueries.rendered>): Promise<string | undefined> {
  try {
    return (await queryClient.fetchQuery({ ...options, staleTime: 0 })).secretDigest;
  } catch (error) {
    if (isApiError(error) && error.status === 403) return undefined;
    throw error;
  }
}

type Step = 'edit' | 'confirm-production' | 'conflict';

/**
 * Sets (creates or replaces) the value of one secret in one environment. The field starts empty:
 * the masked preview is never put in it and nothing not typed here is sent. The exact text is
 * sent. Production asks for a second confirmation; a change of the environment since the editor
 * opened (its `secretDigest`) is pointed out before overwriting.
 */
export function SetValueDialog({ appId, target, onClose, onSaved, onBeforeWrite, secretHref, readable = true }: SetValueDialogProps) {
  const { secretId, secretName, environment } = target;
  const envId = environment.id;
  const envName = environmentName(environment);
  const production = isProductionEnvironment(environment);
  const titleId = useId();
  const location = useLocation();
  const queryClient = useQueryClient();
  const mutation = useSetSecretValue();
  const previewOptions = secretQueries.rendered({ appId, envId, mode: 'PreviewOnly', names: [secretName] });

  // The digest when the editor opened: from the cache when the user was looking at it, else fetched now.
  const [openDigest, setOpenDigest] = useState(() => cachedDigest(queryClient, appId, envId, secretName));
  const preview = useQuery({ ...previewOptions, enabled: readable && openDigest === undefined });
  if (openDigest === undefined && preview.data) setOpenDigest(preview.data.secretDigest);

  const [text, setText] = useState('');
  const [step, setStep] = useState<Step>('edit');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  const saving = useRef(false);
  const saveButton = useRefocusAfterPending<HTMLButtonElement>(pending);
  const dirty = text !== '';

  const requestClose = () => {
    if (saving.current) return;
    if (dirty) setAskDiscard(true);
    else onClose();
  };

  async function save({ productionConfirmed = false, overwrite = false } = {}) {
    if (saving.current || valueSizeError(text) !== null) return;
    if (production && !productionConfirmed) {
      setStep('confirm-production');
      return;
    }
    saving.current = true;
    setPending(true);
    setError(null);
    try {
      if (!overwrite && readable) {
        const fresh = await freshDigest(queryClient, previewOptions);
        if (openDigest !== undefined && fresh !== undefined && fresh !== openDigest) {
          setStep('conflict');
          return;
        }
      }
      onBeforeWrite?.();
      await mutation.mutateAsync({ appId, secretId, envId, text });
      onSaved?.(`Saved the new value of ${secretName} in ${envName}.`);
      onClose();
    } catch (failure) {
      setError(failure);
      setStep('edit');
    } finally {
      saving.current = false;
      setPending(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const savingLabel = pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : null;
  const reviewHref = secretHref(secretId);

  return (
    <Dialog open onClose={requestClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>
        Set {secretName} in {envName}
      </DialogTitle>
      {/* A form with one textarea: nothing here looks like a login form to a password manager. */}
      <Box component="form" noValidate autoComplete="off" onSubmit={onSubmit} aria-labelledby={titleId}>
        <DialogContent sx={{ pt: 0 }}>
          {step === 'edit' ? (
            <Stack spacing={2}>
              <DialogContentText>
                The value replaces the current one in {envName}. The field starts empty: the current value is never shown or sent
                back. What you type is saved exactly, spaces and line breaks included.
              </DialogContentText>
              <ValueField label="New value" value={text} onChange={setText} disabled={pending} autoFocus />
              {error ? <WriteErrorAlert error={error} title={`Could not save ${secretName} in ${envName}`} /> : null}
            </Stack>
          ) : step === 'confirm-production' ? (
            <Alert severity="warning">
              <AlertTitle>Set value in {envName}?</AlertTitle>
              {envName} is a production environment. Saving replaces the value of {secretName} there at once, for every service
              that reads it.
            </Alert>
          ) : (
            <Alert severity="warning">
              <AlertTitle>This environment changed since you opened the editor</AlertTitle>
              Someone saved a change to the secrets of {envName} in the meantime. Saving now may overwrite a newer value of{' '}
              {secretName}.{' '}
              {location.pathname !== reviewHref ? (
                <Link component={RouterLink} to={reviewHref}>
                  Review {secretName}
                </Link>
              ) : null}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          {step === 'edit' ? (
            <>
              <Button onClick={requestClose} disabled={pending}>
                Cancel
              </Button>
              <Button ref={saveButton} type="submit" variant="contained" disabled={pending || !dirty || valueSizeError(text) !== null} startIcon={savingLabel}>
                {pending ? 'Saving…' : 'Save'}
              </Button>
            </>
          ) : step === 'confirm-production' ? (
            <>
              <Button onClick={() => setStep('edit')} disabled={pending}>
                Back
              </Button>
              <Button variant="contained" color="warning" autoFocus disabled={pending} startIcon={savingLabel} onClick={() => void save({ productionConfirmed: true })}>
                Set value in {envName}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={() => setStep('edit')} disabled={pending}>
                Back
              </Button>
              <Button
                variant="contained"
                color="warning"
                autoFocus
                disabled={pending}
                startIcon={savingLabel}
                onClick={() => void save({ productionConfirmed: true, overwrite: true })}
              >
                Save anyway
              </Button>
            </>
          )}
        </DialogActions>
      </Box>
      {pending ? (
        <Typography role="status" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
          Saving…
        </Typography>
      ) : null}
      <DiscardChangesDialog
        open={askDiscard}
        onKeep={() => setAskDiscard(false)}
        onDiscard={() => {
          setAskDiscard(false);
          onClose();
        }}
      >
        The value you typed for {secretName} in {envName} has not been saved.
      </DiscardChangesDialog>
      <UnsavedChangesGuard dirty={dirty} />
    </Dialog>
  );
}
