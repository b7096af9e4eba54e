import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import DialogContentText from '@mui/material/DialogContentText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { VALUE_TYPE, type Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { environmentName } from '@/lib/environment-name';
import { getRenderedSecrets } from '../api';
import { listQuery } from '../list-query';
import { useSetSecretValue } from '../use-set-secret-value';
import { useWriteFlow, WriteStepError } from '../use-write-flow';
import { WriteActions, WriteDialog } from './write-dialog';
import { WriteErrorAlert } from './write-error-alert';

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
  const sources = environments.filter((env) => env.id !== target.id);
  const previews = useQueries({
    queries: sources.map((env) => listQuery({ appId, envId: env.id, names: [secretName] })),
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
  const setValue = useSetSecretValue();
  const targetName = environmentName(target);
  // Nothing typed here: closing loses nothing.
  const flow = useWriteFlow({ dirty: false, onClose });

  const copy = () => {
    if (!source) return;
    const sourceName = environmentName(source);
    void flow.submit(
      async () => {
        const data = await getRenderedSecrets({ appId, envId: source.id, mode: 'Full', names: [secretName] }).catch((error: unknown) => {
          throw new WriteStepError('read', error, sourceName);
        });
        const secret = data.secrets.find((s) => s.key === secretName);
        if (!secret || secret.valueType === VALUE_TYPE.none || secret.serializedValue === undefined) {
          throw new WriteStepError('missing', null, sourceName);
        }
        onBeforeWrite?.();
        await setValue.mutateAsync({ appId, secretId, envId: target.id, text: secret.serializedValue });
        onSaved?.(`Copied ${secretName} from ${sourceName} to ${targetName}.`);
        onClose();
      },
      { targets: [target] },
    );
  };

  const failure = flow.error;
  return (
    <WriteDialog
      flow={flow}
      title={`Copy ${secretName} into ${targetName}`}
      maxWidth="sm"
      // The chosen source is kept through a re-authentication like typed input.
      holdsInput={Boolean(source)}
      confirmation={
        <>
          {targetName} is a production environment: the value of {secretName} there is replaced at once with the one from{' '}
          {source ? environmentName(source) : 'the source'}.
        </>
      }
      actions={<WriteActions flow={flow} label="Copy value" pendingLabel="Copying…" disabled={!source} onClick={copy} />}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <DialogContentText>The value is copied as it is, without being shown. It replaces the current value in {targetName}.</DialogContentText>
        <TextField
          select
          label="Copy from"
          value={sourceId}
          onChange={(event) => setPicked(event.target.value)}
          disabled={flow.pending}
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
        {failure === null ? null : !(failure instanceof WriteStepError) ? (
          <WriteErrorAlert error={failure} title={`Could not set the value in ${targetName}`} />
        ) : failure.step === 'missing' ? (
          <Alert severity="info">{`${secretName} has no value in ${failure.subject}: there is nothing to copy.`}</Alert>
        ) : (
          <ErrorAlert error={failure.error} title={`Could not read the value in ${failure.subject}`} />
        )}
      </Stack>
    </WriteDialog>
  );
}
