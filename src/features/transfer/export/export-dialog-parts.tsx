import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '@/components/error-alert';
import { countOf } from '@/lib/counts';
import type { FileFormat } from '../formats/types';
import { FORMAT_LABELS } from '../formats/formats';
import type { CountsState } from './use-export-counts';

/** What the export will write, said before anything is read: from the masked list's counts. */
export function ExportConfirmation({ counts, envName, production, fileName, onRetry }: {
  counts: CountsState;
  envName: string;
  production: boolean;
  fileName: string;
  onRetry: () => void;
}) {
  if (counts.status === 'loading') return <LinearProgress aria-label={`Counting the secrets in ${envName}`} />;
  if (counts.status === 'failed') return <ErrorAlert error={counts.error} title={`Could not list the secrets in ${envName}`} onRetry={onRetry} />;
  const { withValue, withoutValue } = counts.counts;
  if (withValue === 0) {
    return <Alert severity="info" role="note">No secret has a value in {envName}: there is nothing to export.</Alert>;
  }
  return (
    <Alert severity={production ? 'warning' : 'info'} role="note">
      This writes the clear values of {countOf(withValue, 'secret')} in {envName} to a file on this computer. Anyone with the file can read them.
      {withoutValue > 0 ? ` ${countOf(withoutValue, 'secret')} ${withoutValue === 1 ? 'has' : 'have'} no value here and ${withoutValue === 1 ? 'is' : 'are'} left out.` : null}
      <Box component="span" sx={{ display: 'block', mt: 1 }}>
        File name: <code>{fileName}</code>
      </Box>
    </Alert>
  );
}

/** A list of secret names (never values), scrollable and reachable by keyboard when long. */
export function KeyList({ keys, label }: { keys: readonly string[]; label: string }) {
  return (
    <Box
      component="ul"
      aria-label={label}
      tabIndex={0}
      sx={{ m: 0, pl: 3, maxHeight: 200, overflow: 'auto', fontFamily: 'monospace', fontSize: '0.875rem', overflowWrap: 'anywhere' }}
    >
      {keys.map((key) => (
        <li key={key}>{key}</li>
      ))}
    </Box>
  );
}

/** The keys the chosen format cannot hold exactly, and what the user can do instead. */
export function InexactNotice({ format, keys, exactIn }: { format: FileFormat; keys: readonly string[]; exactIn: readonly FileFormat[] }) {
  const label = FORMAT_LABELS[format];
  const instead = exactIn.map((f) => FORMAT_LABELS[f]).join(' and ');
  return (
    <>
      <Alert severity="warning">
        {keys.length === 1 ? 'This secret has' : `These ${countOf(keys.length, 'secret')} have`} no exact form in {label}: reading the file would not give{' '}
        {keys.length === 1 ? 'it' : 'them'} back as the service holds {keys.length === 1 ? 'it' : 'them'}.
        {instead ? ` ${instead} ${exactIn.length === 1 ? 'holds' : 'hold'} every value exactly.` : null}
      </Alert>
      <KeyList keys={keys} label={`Secrets with no exact form in ${label}`} />
    </>
  );
}

/** After the download or copy: what was done, and the keys left out. */
export function ExportDone({ leftOut, format }: { leftOut: readonly string[]; format: FileFormat }) {
  if (leftOut.length === 0) return null;
  return (
    <>
      <Typography variant="body2">Left out, with no exact form in {FORMAT_LABELS[format]}:</Typography>
      <KeyList keys={leftOut} label="Secrets left out" />
    </>
  );
}
