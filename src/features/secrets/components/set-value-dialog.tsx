import { useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';
import { listQuery } from '../list-query';
import { valueSizeError } from '@/lib/secret-name';
import { useSetSecretValue } from '../use-set-secret-value';
import { useWriteFlow } from '../use-write-flow';
import { ValueField } from './value-field';
import { spinner, WriteActions, WriteDialog } from './write-dialog';
import { WriteErrorAlert } from './write-error-alert';

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
    const { queryKey } = listQuery({ appId, envId, names });
    const state = queryClient.getQueryState(queryKey);
    if (state?.data && (!best || state.dataUpdatedAt > best.at)) best = { digest: state.data.secretDigest, at: state.dataUpdatedAt };
  }
  return best?.digest;
}

/** The environment's digest now; undefined when the token may not read it (403: nothing to compare). */
async function freshDigest(queryClient: QueryClient, options: ReturnType<typeof listQuery>): Promise<string | undefined> {
  try {
    return (await queryClient.fetchQuery({ ...options, staleTime: 0 })).secretDigest;
  } catch (error) {
    if (isApiError(error) && error.status === 403) return undefined;
    throw error;
  }
}

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
  const location = useLocation();
  const queryClient = useQueryClient();
  const mutation = useSetSecretValue();
  const previewOptions = listQuery({ appId, envId, names: [secretName] });

  // The digest when the editor opened: from the cache when the user was looking at it, else fetched now.
  const [openDigest, setOpenDigest] = useState(() => cachedDigest(queryClient, appId, envId, secretName));
  const preview = useQuery({ ...previewOptions, enabled: readable && openDigest === undefined });
  if (openDigest === undefined && preview.data) setOpenDigest(preview.data.secretDigest);

  const [text, setText] = useState('');
  /** The environment changed since the editor opened: "Save anyway" overwrites. */
  const [conflict, setConflict] = useState(false);
  const dirty = text !== '';
  const tooLarge = valueSizeError(text) !== null;
  const flow = useWriteFlow({ dirty, onClose });

  const save = (overwrite: boolean) =>
    void flow.submit(
      async () => {
        if (!overwrite && readable) {
          const fresh = await freshDigest(queryClient, previewOptions);
          if (openDigest !== undefined && fresh !== undefined && fresh !== openDigest) {
            setConflict(true);
            return;
          }
        }
        onBeforeWrite?.();
        try {
          await mutation.mutateAsync({ appId, secretId, envId, text });
        } catch (error) {
          setConflict(false);
          throw error;
        }
        onSaved?.(`Saved the new value of ${secretName} in ${envName}.`);
        onClose();
      },
      // "Save anyway" comes after the production confirmation, when there was one.
      { targets: [environment], confirmed: overwrite },
    );

  const reviewHref = secretHref(secretId);

  return (
    <WriteDialog
      flow={flow}
      title={`Set ${secretName} in ${envName}`}
      maxWidth="sm"
      onSubmit={() => {
        if (!tooLarge) save(false);
      }}
      contentProps={{ sx: { pt: 0 } }}
      confirmation={
        <>
          {envName} is a production environment. Saving replaces the value of {secretName} there at once, for every service that
          reads it.
        </>
      }
      discardText={`The value you typed for ${secretName} in ${envName} has not been saved.`}
      status={
        flow.pending ? (
          <Typography role="status" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            Saving…
          </Typography>
        ) : null
      }
      actions={
        conflict ? (
          <>
            <Button onClick={() => setConflict(false)} disabled={flow.pending}>
              Back
            </Button>
            <Button variant="contained" color="warning" autoFocus disabled={flow.pending} startIcon={spinner(flow.pending)} onClick={() => save(true)}>
              Save anyway
            </Button>
          </>
        ) : (
          <WriteActions flow={flow} label="Save" pendingLabel="Saving…" disabled={!dirty || tooLarge} />
        )
      }
    >
      {conflict ? (
        <Alert severity="warning">
          <AlertTitle>This environment changed since you opened the editor</AlertTitle>
          Someone saved a change to the secrets of {envName} in the meantime. Saving now may overwrite a newer value of {secretName}.{' '}
          {location.pathname !== reviewHref ? (
            <Link component={RouterLink} to={reviewHref}>
              Review {secretName}
            </Link>
          ) : null}
        </Alert>
      ) : (
        <Stack spacing={2}>
          <DialogContentText>
            The value replaces the current one in {envName}. The field starts empty: the current value is never shown or sent back.
            What you type is saved exactly, spaces and line breaks included.
          </DialogContentText>
          <ValueField label="New value" value={text} onChange={setText} disabled={flow.pending} autoFocus />
          {flow.error !== null ? <WriteErrorAlert error={flow.error} title={`Could not save ${secretName} in ${envName}`} /> : null}
        </Stack>
      )}
    </WriteDialog>
  );
}
