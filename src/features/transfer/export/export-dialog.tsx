import { useCallback, useId, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '@/components/error-alert';
import { environmentName } from '@/lib/environment-name';
import { isProductionEnvironment } from '@/lib/production';
import { FILE_FORMATS, type FileFormat } from '../formats/types';
import { FORMAT_LABELS } from '../formats/formats';
import type { TransferApi } from '../transfer-api';
import { ExportConfirmation, ExportDone, InexactNotice } from './export-dialog-parts';
import { exportFileName } from './export-model';
import { useExportCounts } from './use-export-counts';
import { useExportRun, type ExportPhase } from './use-export-run';

export interface ExportDialogProps {
  api: TransferApi;
  envId: string;
  onClose: () => void;
}

function statusText(phase: ExportPhase, envName: string): string {
  if (phase.kind === 'reading') return `Reading the values of ${envName}…`;
  if (phase.kind === 'done') return phase.message;
  return '';
}

/**
 * Exports one environment as a `.env`, JSON or YAML file, or copies it as `.env`: a confirmation
 * with the count first, then one Full read per export. Values are never shown nor kept in state.
 */
export function ExportDialog({ api, envId, onClose }: ExportDialogProps) {
  const env = api.environments.find((e) => e.id === envId);
  const envName = env ? environmentName(env) : envId;
  const production = env ? isProductionEnvironment(env) : false;
  const envSlug = env?.slug ?? envId;
  const appName = api.appName;
  const [format, setFormat] = useState<FileFormat>('env');
  const counts = useExportCounts(api, envId);
  const fileName = useCallback((f: FileFormat) => exportFileName(appName, envSlug, f), [appName, envSlug]);
  const run = useExportRun({ api, envId, fileName, onFormat: setFormat });
  const { phase } = run;
  const titleId = useId();
  const formatLabelId = useId();

  const close = () => {
    run.cancel();
    onClose();
  };

  const reading = phase.kind === 'reading';
  const ready = counts.state.status === 'ready' && counts.state.counts.withValue > 0;
  const download = () => run.start({ kind: 'download', format });

  let body;
  let actions;
  if (phase.kind === 'done') {
    body = <ExportDone leftOut={phase.leftOut} format={phase.format} />;
    actions = (
      <Button variant="contained" autoFocus onClick={onClose}>
        Close
      </Button>
    );
  } else if (phase.kind === 'inexact') {
    body = <InexactNotice format={phase.format} keys={phase.keys} exactIn={phase.exactIn} />;
    actions = (
      <>
        <Button onClick={close}>Cancel</Button>
        <Button autoFocus={phase.exactIn.length === 0} onClick={() => run.choose('without')}>
          Download without them
        </Button>
        {phase.exactIn.map((f, index) => (
          <Button key={f} variant="contained" autoFocus={index === 0} onClick={() => run.choose(f)}>
            Download as {FORMAT_LABELS[f]}
          </Button>
        ))}
      </>
    );
  } else {
    const failed = phase.kind === 'failed' ? phase : null;
    body = (
      <>
        <div>
          <FormLabel id={formatLabelId}>Format</FormLabel>
          <RadioGroup row aria-labelledby={formatLabelId} value={format} onChange={(event) => setFormat(event.target.value as FileFormat)}>
            {FILE_FORMATS.map((f) => (
              <FormControlLabel key={f} value={f} control={<Radio />} label={FORMAT_LABELS[f]} disabled={reading} />
            ))}
          </RadioGroup>
        </div>
        <ExportConfirmation counts={counts.state} envName={envName} production={production} fileName={fileName(format)} onRetry={counts.retry} />
        {failed ? (
          <ErrorAlert
            error={failed.error}
            title={failed.stage === 'clipboard' ? 'Could not copy to the clipboard: the browser did not allow it' : `Could not read the values of ${envName}`}
            onRetry={() => run.start(failed.action)}
            forbiddenHint="The Read token may not be allowed to read this environment's values."
          />
        ) : null}
      </>
    );
    actions = (
      <>
        <Button onClick={close}>Cancel</Button>
        <Button disabled={!ready || reading} onClick={() => run.start({ kind: 'copy' })}>
          {reading && phase.action.kind === 'copy' ? 'Copying…' : 'Copy as .env'}
        </Button>
        <Button variant="contained" color={production ? 'warning' : 'primary'} disabled={!ready || reading} onClick={download}>
          {reading && phase.action.kind === 'download' ? 'Downloading…' : 'Download'}
        </Button>
      </>
    );
  }

  return (
    <Dialog open onClose={close} aria-labelledby={titleId} maxWidth="sm" fullWidth scroll="paper">
      <DialogTitle id={titleId}>Export {envName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {body}
          <Typography role="status" aria-live="polite" variant="body2">
            {statusText(phase, envName)}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>{actions}</DialogActions>
    </Dialog>
  );
}
