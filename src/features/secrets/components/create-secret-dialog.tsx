import { useState, type ClipboardEvent } from 'react';
import { useForm, useFormState } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { environmentName } from '@/lib/environment-name';
import type { NewSecret } from '../api';
import { splitKeyValue } from '@/lib/secret-name';
import { useCreateSecret } from '../use-create-secret';
import { useSetSecretValue } from '../use-set-secret-value';
import { useWriteFlow, useWriteProgress, WriteStepError } from '../use-write-flow';
import { createSecretSchema, progressText, type CreateSecretValues } from './create-secret-form';
import { InitialValues } from './create-secret-initial-values';
import { NameField } from './create-secret-name-field';
import { PurposeField } from './create-secret-purpose-field';
import { WriteActions, WriteDialog } from './write-dialog';
import { WriteErrorAlert } from './write-error-alert';

export interface CreateSecretDialogProps {
  appId: string;
  environments: readonly Environment[];
  /** The environment the user is looking at: a pasted `KEY=value` puts the value there. */
  defaultEnvId?: string | undefined;
  onClose: () => void;
  /** Once the secret exists (even if some values failed and the user gave up on them). */
  onCreated?: ((secret: NewSecret, message: string) => void) | undefined;
  secretHref: (secretId: string) => string;
}

type InitialValue = CreateSecretValues['values'][number];
const envIdOf = (value: InitialValue) => value.envId;

/**
 * Creates a secret (the contract's body: no providerId, `environmentScopedValues: []`), then sets
 * each initial value with its own request. A value that fails stays in its field; "Retry" sends
 * only those, never creating the secret again.
 */
export function CreateSecretDialog({ appId, environments, defaultEnvId, onClose, onCreated, secretHref }: CreateSecretDialogProps) {
  const createMutation = useCreateSecret();
  const setValueMutation = useSetSecretValue();
  const [created, setCreated] = useState<NewSecret | null>(null);
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  const progress = useWriteProgress();

  const { control, handleSubmit, setValue, getValues } = useForm<CreateSecretValues>({
    resolver: zodResolver(createSecretSchema),
    mode: 'onChange',
    defaultValues: { name: '', purposeType: 'APIKey', values: environments.map((env) => ({ envId: env.id, text: '' })) },
  });
  // Subscriptions kept narrow: typing re-renders only the field typed in, not the whole dialog.
  const { isDirty, dirtyFields } = useFormState({ control });

  const finish = (secret: NewSecret, notSaved: number) => {
    onCreated?.(
      secret,
      notSaved > 0 ? `Created ${secret.name}; ${notSaved} initial value${notSaved === 1 ? ' was' : 's were'} not saved.` : `Created ${secret.name}.`,
    );
    onClose();
  };
  const unsavedValues = () => progress.unsaved(getValues('values').filter((v) => v.text !== ''), envIdOf);
  // Once the secret exists, only initial values not saved yet can be lost.
  const dirty = created
    ? environments.some((env, index) => dirtyFields.values?.[index]?.text === true && progress.statuses[env.id]?.state !== 'saved')
    : isDirty;
  const flow = useWriteFlow({ dirty, onClose: () => (created ? finish(created, unsavedValues().length) : onClose()) });
  const failed = Object.values(progress.statuses).filter((s) => s.state === 'failed').length;

  const submit = (form: CreateSecretValues) => {
    const todo = progress.unsaved(form.values.filter((v) => v.text !== ''), envIdOf);
    const targets = environments.filter((env) => todo.some((v) => v.envId === env.id));
    return flow.submit(
      async () => {
        let secret = created;
        if (!secret) {
          secret = await createMutation.mutateAsync({ appId, name: form.name, purposeType: form.purposeType }).catch((error: unknown) => {
            throw new WriteStepError('create', error, form.name);
          });
          setCreated(secret);
        }
        const secretId = secret.id;
        const allSaved = await progress.sendEach(todo, envIdOf, (v) => setValueMutation.mutateAsync({ appId, secretId, envId: v.envId, text: v.text }));
        if (allSaved) finish(secret, 0);
      },
      { targets },
    );
  };

  const onNamePaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (created) return;
    const text = event.clipboardData.getData('text/plain') || event.clipboardData.getData('text');
    const split = splitKeyValue(text);
    if (!split) return;
    event.preventDefault();
    setValue('name', split.name, { shouldDirty: true, shouldValidate: true, shouldTouch: true });
    const index = Math.max(0, environments.findIndex((env) => env.id === defaultEnvId));
    const env = environments[index];
    if (!env) return;
    setValue(`values.${index}.text`, split.value, { shouldDirty: true });
    setPasteNotice(`You pasted ${split.name}=…: the name went to Name and the value to the initial value in ${environmentName(env)}.`);
  };

  const submitLabel = created ? `Retry failed values (${failed})` : 'Create secret';
  const pendingLabel = created ? 'Saving values…' : 'Creating…';

  return (
    <WriteDialog
      flow={flow}
      title={created ? `Initial values of ${created.name}` : 'New secret'}
      maxWidth="md"
      scroll="paper"
      onSubmit={() => void handleSubmit(submit)()}
      contentProps={{ dividers: true }}
      confirmation={<>{flow.confirming} is a production environment: the value is live there as soon as it is saved.</>}
      discardText={
        created
          ? `Initial values that were not saved will be lost. ${created.name} itself exists.`
          : 'The secret has not been created and what you typed will be lost.'
      }
      status={
        <Typography role="status" variant="body2" color="text.secondary" sx={{ mt: 3 }}>
          {progressText(progress.statuses, environments)}
        </Typography>
      }
      actions={<WriteActions flow={flow} cancelLabel={created ? 'Close' : 'Cancel'} label={submitLabel} pendingLabel={pendingLabel} />}
    >
      <Stack spacing={3}>
        {created ? (
          <Alert severity={failed > 0 ? 'warning' : 'info'}>
            <AlertTitle>{created.name} was created</AlertTitle>
            {failed > 0
              ? `${failed} initial value${failed === 1 ? '' : 's'} could not be saved. They are kept below: retry them, or close to give up on them.`
              : 'Saving its initial values…'}
          </Alert>
        ) : null}
        <CreateError error={flow.error} secretHref={secretHref} />
        <NameField
          control={control}
          locked={created !== null}
          disabled={created !== null || flow.pending}
          onPaste={onNamePaste}
          onUseSuggestion={(suggestion) => setValue('name', suggestion, { shouldDirty: true, shouldValidate: true })}
          pasteNotice={pasteNotice}
          onDismissPasteNotice={() => setPasteNotice(null)}
        />
        <PurposeField control={control} disabled={created !== null || flow.pending} />
        <InitialValues control={control} environments={environments} statuses={progress.statuses} pending={flow.pending} />
      </Stack>
    </WriteDialog>
  );
}

/** Why the secret was not created; when its name exists, a link to the existing one. */
function CreateError({ error, secretHref }: { error: unknown; secretHref: (secretId: string) => string }) {
  if (error === null) return null;
  if (!(error instanceof WriteStepError)) return <WriteErrorAlert error={error} title="Could not create the secret" />;
  const { error: failure, subject: name } = error;
  if (isApiError(failure) && failure.status === 409) {
    return (
      <Stack spacing={1}>
        <ErrorAlert error={failure} title={`${name} already exists`} />
        {failure.entityId ? (
          <Button component={RouterLink} to={secretHref(failure.entityId)} sx={{ alignSelf: 'flex-start' }}>
            Open the existing {name}
          </Button>
        ) : null}
      </Stack>
    );
  }
  return <WriteErrorAlert error={failure} title="Could not create the secret" />;
}
