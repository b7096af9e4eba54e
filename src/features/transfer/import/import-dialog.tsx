import { useCallback, useId, useMemo, useState, type DragEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
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
import { BulkRunActions } from '@/components/bulk-progress';
import { ConfirmDialog, DiscardChangesDialog, ProductionConfirmActions } from '@/components/confirm-dialog';
import { ErrorAlert } from '@/components/error-alert';
import { countOf } from '@/lib/counts';
import { environmentName } from '@/lib/environment-name';
import { isProductionEnvironment } from '@/lib/production';
import { useHoldUnsavedInput } from '@/lib/use-unsaved-input';
import { MAX_IMPORT_KEYS } from '../formats/formats';
import { maskedListQuery } from '../masked-list-query';
import type { TransferApi } from '../transfer-api';
import { buildImportPreview, includedRows, type ImportRow } from './import-model';
import { ImportPreviewList } from './import-preview';
import { importStatusText, ImportProgress } from './import-progress';
import type { RowHandlers } from './import-rows';
import { ImportSourceFields } from './import-source';
import { useImportCompare } from './use-import-compare';
import { IMPORT_TITLE, importItems, useImportRun } from './use-import-run';
import { useImportSource } from './use-import-source';

export interface ImportDialogProps {
  api: TransferApi;
  /** The environment preselected; undefined: the first one that is not production. */
  envId: string | undefined;
  onClose: () => void;
}

/**
 * Imports secrets from pasted text or a file into one environment: a preview with one row per key
 * (values never shown), a second question for production, then the writes with progress, cancel,
 * per-row results and a retry of the failed ones. What was pasted or chosen stays until it closes.
 */
export function ImportDialog({ api, envId: initialEnvId, onClose }: ImportDialogProps) {
  const titleId = useId();
  const queryClient = useQueryClient();
  const { environments } = api;
  const [envId, setEnvId] = useState(() => initialEnvId ?? environments.find((env) => !isProductionEnvironment(env))?.id ?? environments[0]?.id ?? '');
  const source = useImportSource();
  const [renames, setRenames] = useState<ReadonlyMap<string, string>>(new Map());
  const [choices, setChoices] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [confirming, setConfirming] = useState(false);
  const [askingToStop, setAskingToStop] = useState(false);
  const [askingToDiscard, setAskingToDiscard] = useState(false);
  const compare = useImportCompare(api);
  const onEnded = useCallback((target: string) => void queryClient.invalidateQueries({ queryKey: maskedListQuery(api, target).queryKey }), [queryClient, api]);
  const run = useImportRun(api, onEnded);
  const busy = run.phase === 'writing';
  // While something is typed or chosen, a refused token is asked for again over the page (nothing
  // is lost); while writing, the runner holds.
  useHoldUnsavedInput(IMPORT_TITLE, source.dirty && !busy);

  const existing = useQuery({ ...maskedListQuery(api, envId), enabled: envId !== '' });
  const { parse } = source;
  const preview = useMemo(
    () => (parse && existing.data ? buildImportPreview({ parse, existing: existing.data, renames, comparison: compare.comparison, envId, maxKeys: MAX_IMPORT_KEYS }) : null),
    [parse, existing.data, renames, compare.comparison, envId],
  );
  const included = useMemo(() => (preview ? includedRows(preview, choices) : []), [preview, choices]);
  const target = environments.find((env) => env.id === envId);
  const targetName = target ? environmentName(target) : '';
  const locked = run.phase !== 'idle';

  const onInclude = useCallback((row: ImportRow, on: boolean) => setChoices((prev) => new Map(prev).set(row.id, on)), []);
  const onFix = useCallback((row: ImportRow, fix: string) => setRenames((prev) => new Map(prev).set(row.id, fix)), []);
  const { progress } = run;
  const statusOf = (id: string) => (locked ? run.statusOf(id) : undefined);
  const handlers: RowHandlers = { choices, onInclude, onFix, locked, statusOf };

  const start = () => {
    if (!parse) return;
    setConfirming(false);
    run.start(envId, importItems(included, parse));
  };
  // Writing asks to stop; pasted text or a chosen file not yet imported asks before it is dropped.
  const close = () => (busy ? setAskingToStop(true) : source.dirty && run.phase === 'idle' ? setAskingToDiscard(true) : onClose());
  // Only a dragged file is taken: dragged text still drops into the Paste box.
  const hasFile = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDrop = (event: DragEvent) => {
    if (!hasFile(event)) return;
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file && !locked) source.chooseFile(file);
  };
  const importLabel = `Import ${countOf(included.length, 'secret')}`;

  const previewBody = () => {
    if (!parse) return null;
    if (existing.error) return <ErrorAlert error={existing.error} title={`Could not read the keys of ${targetName}`} onRetry={() => void existing.refetch()} />;
    if (!preview)
      return (
        <Stack spacing={1} role="status" aria-label={`Reading the keys of ${targetName}`}>
          <LinearProgress aria-label={`Reading the keys of ${targetName}`} />
        </Stack>
      );
    return (
      <ImportPreviewList
        preview={preview}
        problems={parse.problems}
        maxKeys={MAX_IMPORT_KEYS}
        envName={targetName}
        handlers={handlers}
        compare={{
          // The keys a compare reads (keysToCompare): those that replace a value or already hold it.
          available: preview.counts.replace + preview.counts.same > 0,
          pending: compare.pending,
          error: compare.error,
          done: compare.comparison?.parse === parse && compare.comparison.envId === envId,
          onCompare: () => compare.compare(preview, parse, envId),
        }}
      />
    );
  };

  let actions;
  if (confirming) {
    actions = <ProductionConfirmActions confirmLabel={`Import into ${targetName}`} onBack={() => setConfirming(false)} onConfirm={start} />;
  } else if (busy || run.phase === 'finished') {
    actions = (
      <BulkRunActions
        running={busy}
        failed={progress.failed}
        onCancel={run.cancel}
        onRetry={run.retryFailed}
        onClose={onClose}
        other={<Button onClick={run.reset}>Back to editing</Button>}
      />
    );
  } else {
    actions = (
      <>
        <Button onClick={close}>Cancel</Button>
        <Button
          variant="contained"
          disabled={included.length === 0 || source.stale}
          onClick={() => (target && isProductionEnvironment(target) ? setConfirming(true) : start())}
        >
          {importLabel}
        </Button>
      </>
    );
  }

  return (
    <Dialog
      open
      onClose={close}
      aria-labelledby={titleId}
      maxWidth="md"
      fullWidth
      scroll="paper"
      slotProps={{ paper: { onDragOver: (event: DragEvent) => hasFile(event) && event.preventDefault(), onDrop } }}
    >
      <DialogTitle id={titleId}>{IMPORT_TITLE}</DialogTitle>
      <DialogContent>
        {confirming ? (
          <Alert severity="warning">
            <AlertTitle>Import into {targetName}?</AlertTitle>
            {countOf(included.length, 'secret')} will be written in {targetName}, a production environment.
          </Alert>
        ) : (
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ImportSourceFields source={source} environments={environments} envId={envId} onEnvId={setEnvId} keyCount={preview?.rows.length ?? null} disabled={locked} />
            {locked ? <ImportProgress phase={run.phase} progress={progress} /> : null}
            {previewBody()}
          </Stack>
        )}
        <Typography role="status" aria-live="polite" variant="body2" sx={{ mt: 1.5 }}>
          {importStatusText(run.phase, progress)}
        </Typography>
      </DialogContent>
      <DialogActions>{actions}</DialogActions>
      <ConfirmDialog
        open={askingToStop}
        title="Stop the import?"
        confirmLabel="Stop the import"
        cancelLabel="Keep importing"
        tone="warning"
        onConfirm={() => {
          run.cancel();
          setAskingToStop(false);
          onClose();
        }}
        onCancel={() => setAskingToStop(false)}
      >
        The secrets written so far stay written; the rest are not sent.
      </ConfirmDialog>
      <DiscardChangesDialog open={askingToDiscard} onDiscard={onClose} onKeep={() => setAskingToDiscard(false)}>
        What you pasted or chose has not been imported. Close and drop it?
      </DiscardChangesDialog>
    </Dialog>
  );
}
