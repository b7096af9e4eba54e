import { useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Environment } from '@/api/contract';
import { BulkFailureList, BulkProgressBar, BulkRunActions, bulkStatusText } from '@/components/bulk-progress';
import { ProductionConfirmActions } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { EnvironmentOptions, SelectField } from '@/components/select-field';
import { countOf } from '@/lib/counts';
import { environmentName } from '@/lib/environment-name';
import { isProductionEnvironment } from '@/lib/production';
import { readKeys } from '@/lib/full-reads';
import { foldCopyPreview, keysToWrite, type CopyKey } from '../copy-model';
import { CopyPreviewList } from './copy-preview';
import { COPY_TITLE, useCopyRun, type CopyRun, type CopyValuesApi } from './use-copy-run';

export interface CopyValuesDialogProps {
  environments: readonly Environment[];
  /** The selected keys with their secret's id. */
  selected: ReadonlyMap<string, string>;
  api: CopyValuesApi;
  onClose: () => void;
}

/** The run's one live region: progress while reading and writing, the outcome once done. */
function statusText(run: CopyRun): string {
  const state = run.phase === 'reading' || run.phase === 'writing' ? 'running' : run.phase;
  return bulkStatusText(run.progress, state, { verb: 'Copied', noun: 'value' });
}

/**
 * Copies the selected keys' values from one environment to another: a preview by category (values
 * never shown), a second question for a production target, then the writes with progress, cancel,
 * per-key failures and a retry of the failed ones.
 */
export function CopyValuesDialog({ environments, selected, api, onClose }: CopyValuesDialogProps) {
  const titleId = useId();
  const production = environments.find(isProductionEnvironment);
  const [to, setTo] = useState(production?.id ?? environments[1]?.id ?? '');
  const [from, setFrom] = useState(environments.find((env) => env.id !== to && !isProductionEnvironment(env))?.id ?? environments.find((env) => env.id !== to)?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  const run = useCopyRun(api);
  const keys = useMemo<CopyKey[]>(() => [...selected].map(([key, secretId]) => ({ key, secretId })), [selected]);
  const names = useMemo(() => keys.map((k) => k.key), [keys]);
  const fromEnv = environments.find((env) => env.id === from);
  const toEnv = environments.find((env) => env.id === to);
  const preview = useQuery({
    queryKey: ['copy-preview', api.scope, from, to, names],
    queryFn: async ({ signal }) => {
      const [source, target] = await Promise.all([
        readKeys(names, (filter) => api.readFull(from, filter, signal)),
        readKeys(names, (filter) => api.readFull(to, filter, signal)),
      ]);
      return foldCopyPreview(keys, source, target);
    },
    enabled: from !== to && run.phase === 'idle',
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const toWrite = useMemo(() => (preview.data ? keysToWrite(preview.data) : []), [preview.data]);
  const busy = run.phase === 'reading' || run.phase === 'writing';
  const fromName = fromEnv ? environmentName(fromEnv) : '';
  const toName = toEnv ? environmentName(toEnv) : '';
  const copyLabel = `Copy ${countOf(toWrite.length, 'value')}`;
  const start = () => {
    setConfirming(false);
    run.start(from, to, toWrite);
  };

  const { failed } = run.progress;
  let body;
  let actions;
  if (run.phase !== 'idle') {
    body = (
      <Stack spacing={1.5}>
        <Typography>
          {fromName} → {toName}
        </Typography>
        <BulkProgressBar label="Copying values" progress={run.progress} waiting={run.phase === 'reading'} />
        {run.readError ? <ErrorAlert error={run.readError} title={`Could not read the values in ${fromName}`} /> : null}
        {run.phase === 'finished' ? <BulkFailureList failures={run.progress.failures} /> : null}
      </Stack>
    );
    actions = <BulkRunActions running={busy} failed={failed} onCancel={run.cancel} onRetry={run.retryFailed} onClose={onClose} />;
  } else if (confirming) {
    body = (
      <Alert severity="warning">
        <AlertTitle>Copy into {toName}?</AlertTitle>
        {countOf(toWrite.length, 'value')} from {fromName} will be written in {toName}, a production environment.
      </Alert>
    );
    actions = <ProductionConfirmActions confirmLabel={`Copy into ${toName}`} onBack={() => setConfirming(false)} onConfirm={start} />;
  } else {
    body = (
      <Stack spacing={2}>
        <Typography>
          {countOf(keys.length, 'key selected', 'keys selected')}. Values are compared and written without being shown.
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ pt: 1 }}>
          <SelectField label="From" value={from} onChange={setFrom} sx={{ flex: 1 }}>
            <EnvironmentOptions environments={environments} />
          </SelectField>
          <SelectField label="To" value={to} onChange={setTo} sx={{ flex: 1 }}>
            <EnvironmentOptions environments={environments} />
          </SelectField>
        </Stack>
        {from === to ? (
          <Alert severity="info">Choose two different environments.</Alert>
        ) : preview.error ? (
          <ErrorAlert error={preview.error} title="Could not compare the values" onRetry={() => void preview.refetch()} />
        ) : preview.data ? (
          <CopyPreviewList preview={preview.data} from={fromName} to={toName} />
        ) : (
          <Stack spacing={1} role="status" aria-label="Comparing values">
            <LinearProgress aria-label="Comparing values" />
          </Stack>
        )}
        {run.readError ? <ErrorAlert error={run.readError} title={`Could not read the values in ${fromName}`} /> : null}
      </Stack>
    );
    actions = (
      <>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!preview.data || toWrite.length === 0 || from === to}
          onClick={() => (toEnv && isProductionEnvironment(toEnv) ? setConfirming(true) : start())}
        >
          {copyLabel}
        </Button>
      </>
    );
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth scroll="paper">
      <DialogTitle id={titleId}>{COPY_TITLE}</DialogTitle>
      <DialogContent>
        {body}
        <Typography role="status" aria-live="polite" variant="body2" sx={{ mt: 1.5 }}>
          {statusText(run)}
        </Typography>
      </DialogContent>
      <DialogActions>{actions}</DialogActions>
    </Dialog>
  );
}
