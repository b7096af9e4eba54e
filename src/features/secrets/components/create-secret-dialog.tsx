import { useId, useRef, useState, type ClipboardEvent } from 'react';
import { useForm, useFormState } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import type { NewSecret } from '../api';
import { DiscardChangesDialog } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { isProductionEnvironment } from '../domain';
import { splitKeyValue } from '../secret-name';
import { useCreateSecret } from '../use-create-secret';
import { useRefocusAfterPending } from '../use-refocus-after-pending';
import { useSetSecretValue } from '../use-set-secret-value';
import { createSecretSchema, productionNames, progressText, type CreateSecretValues, type EnvStatus } from './create-secret-form';
import { InitialValues } from './create-secret-initial-values';
import { NameField } from './create-secret-name-field';
import { PurposeField } from './create-secret-purpose-field';
import { WriteErrorAlert } from './write-error-alert';
import { environmentName } from '@/lib/environment-name';

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

/**
 * Creates a secret (the contract's body: no providerId, `environmentScopedValues: []`), then sets
 * each initial value with its own request. A value that fails stays in its field; "Retry" sends
 * only those, never creating the secret again.
 */
export function CreateSecretDialog({ appId, environments, defaultEnvId, onClose, onCreated, secretHref }: CreateSecretDialogProps) {
  const titleId = useId();
  const createMutation = useCreateSecret();
  const setValueMutation = useSetSecretValue();
  const busy = useRef(false);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<NewSecret | null>(null);
  const [createError, setCreateError] = useState<{ error: unknown; name: string } | null>(null);
  const [statuses, setStatuses] = useState<Record<string, EnvStatus>>({});
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  /** The production environments to confirm, while asking. */
  const [confirmingProduction, setConfirmingProduction] = useState<string | null>(null);
  const [productionConfirmed, setProductionConfirmed] = useState(false);
  const [askDiscard, setAskDiscard] = useState(false);
  const submitButton = useRefocusAfterPending<HTMLButtonElement>(pending);

  const { control, handleSubmit, setValue, getValues } = useForm<CreateSecretValues>({
    resolver: zodResolver(createSecretSchema),
    mode: 'onChange',
    defaultValues: { name: '', purposeType: 'APIKey', values: environments.map((env) => ({ envId: env.id, text: '' })) },
  });
  // Subscriptions kept narrow: typing re-renders only the field typed in, not the whole dialog.
  const { isDirty } = useFormState({ control });

  const envById = new Map(environments.map((env) => [env.id, env]));
  const unsavedValues = () => getValues('values').filter((v) => v.text !== '' && statuses[v.envId]?.state !== 'saved');
  const failed = Object.entries(statuses).filter(([, s]) => s.state === 'failed');

  const finish = (secret: NewSecret, notSaved: number) => {
    onCreated?.(
      secret,
      notSaved > 0 ? `Created ${secret.name}; ${notSaved} initial value${notSaved === 1 ? ' was' : 's were'} not saved.` : `Created ${secret.name}.`,
    );
    onClose();
  };

  const requestClose = () => {
    if (busy.current) return;
    if (created ? unsavedValues().length > 0 : isDirty) {
      setAskDiscard(true);
      return;
    }
    if (created) finish(created, 0);
    else onClose();
  };

  async function submit(form: CreateSecretValues, productionOk = productionConfirmed) {
    if (busy.current) return;
    const todo = form.values.filter((v) => v.text !== '' && statuses[v.envId]?.state !== 'saved');
    const touchesProduction = todo.some((v) => {
      const env = envById.get(v.envId);
      return env !== undefined && isProductionEnvironment(env);
    });
    if (touchesProduction && !productionOk) {
      setConfirmingProduction(productionNames(todo, envById));
      return;
    }
    busy.current = true;
    setPending(true);
    setCreateError(null);
    try {
      let secret = created;
      if (!secret) {
        try {
          secret = await createMutation.mutateAsync({ appId, name: form.name, purposeType: form.purposeType });
        } catch (error) {
          setCreateError({ error, name: form.name });
          return;
        }
        setCreated(secret);
      }
      const secretId = secret.id;
      setStatuses((s) => ({ ...s, ...Object.fromEntries(todo.map((v) => [v.envId, { state: 'saving' } as const])) }));
      const results = await Promise.allSettled(
        todo.map((v) => setValueMutation.mutateAsync({ appId, secretId, envId: v.envId, text: v.text })),
      );
      const next: Record<string, EnvStatus> = {};
      results.forEach((result, index) => {
        const envId = todo[index]?.envId;
        if (envId === undefined) return;
        next[envId] = result.status === 'fulfilled' ? { state: 'saved' } : { state: 'failed', error: result.reason };
      });
      setStatuses((s) => ({ ...s, ...next }));
      if (results.every((r) => r.status === 'fulfilled')) finish(secret, 0);
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

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

  const createErrorView = () => {
    if (!createError) return null;
    const { error, name } = createError;
    if (isApiError(error) && error.status === 409) {
      return (
        <Stack spacing={1}>
          <ErrorAlert error={error} title={`${name} already exists`} />
          {error.entityId ? (
            <Button component={RouterLink} to={secretHref(error.entityId)} sx={{ alignSelf: 'flex-start' }}>
              Open the existing {name}
            </Button>
          ) : null}
        </Stack>
      );
    }
    return <WriteErrorAlert error={error} title="Could not create the secret" />;
  };

  const submitLabel = pending
    ? created
      ? 'Saving values…'
      : 'Creating…'
    : created
      ? `Retry failed values (${failed.length})`
      : 'Create secret';

  return (
    <Dialog open onClose={requestClose} aria-labelledby={titleId} maxWidth="md" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{created ? `Initial values of ${created.name}` : 'New secret'}</DialogTitle>
      <Box
        component="form"
        noValidate
        autoComplete="off"
        aria-labelledby={titleId}
        onSubmit={(event) => void handleSubmit((form) => submit(form))(event)}
        sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
      >
        <DialogContent dividers>
          <Stack spacing={3}>
            {created ? (
              <Alert severity={failed.length > 0 ? 'warning' : 'info'}>
                <AlertTitle>{created.name} was created</AlertTitle>
                {failed.length > 0
                  ? `${failed.length} initial value${failed.length === 1 ? '' : 's'} could not be saved. They are kept below: retry them, or close to give up on them.`
                  : 'Saving its initial values…'}
              </Alert>
            ) : null}
            {createErrorView()}
            {confirmingProduction !== null ? null : (
              <>
                <NameField
                  control={control}
                  locked={created !== null}
                  disabled={created !== null || pending}
                  onPaste={onNamePaste}
                  onUseSuggestion={(suggestion) => setValue('name', suggestion, { shouldDirty: true, shouldValidate: true })}
                  pasteNotice={pasteNotice}
                  onDismissPasteNotice={() => setPasteNotice(null)}
                />

                <PurposeField control={control} disabled={created !== null || pending} />

                <InitialValues control={control} environments={environments} statuses={statuses} pending={pending} />
              </>
            )}
            {confirmingProduction !== null ? (
              <Alert severity="warning">
                <AlertTitle>Set value in {confirmingProduction}?</AlertTitle>
                {confirmingProduction} is a production environment: the value is live there as soon as it is saved.
              </Alert>
            ) : null}
            <Typography role="status" variant="body2" color="text.secondary">
              {progressText(statuses, environments)}
            </Typography>
          </Stack>
        </DialogContent>
        <DialogActions>
          {confirmingProduction !== null ? (
            <>
              <Button onClick={() => setConfirmingProduction(null)}>Back</Button>
              <Button
                variant="contained"
                color="warning"
                autoFocus
                onClick={() => {
                  setConfirmingProduction(null);
                  setProductionConfirmed(true);
                  void handleSubmit((form) => submit(form, true))();
                }}
              >
                Set value in {confirmingProduction}
              </Button>
            </>
          ) : (
            <>
              <Button onClick={requestClose} disabled={pending}>
                {created ? 'Close' : 'Cancel'}
              </Button>
              <Button
                ref={submitButton}
                type="submit"
                variant="contained"
                disabled={pending}
                startIcon={pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : null}
              >
                {submitLabel}
              </Button>
            </>
          )}
        </DialogActions>
      </Box>
      <DiscardChangesDialog
        open={askDiscard}
        onKeep={() => setAskDiscard(false)}
        onDiscard={() => {
          setAskDiscard(false);
          if (created) finish(created, unsavedValues().length);
          else onClose();
        }}
      >
        {created
          ? `Initial values that were not saved will be lost. ${created.name} itself exists.`
          : 'The secret has not been created and what you typed will be lost.'}
      </DiscardChangesDialog>
      <UnsavedChangesGuard dirty={isDirty} />
    </Dialog>
  );
}
