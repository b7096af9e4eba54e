import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import type { BulkFailure, BulkSnapshot } from '@/lib/bulk-runner';
import { countOf, formatCount } from '@/lib/counts';
import type { ImportPhase } from './use-import-run';

/** Failures listed; the rest are counted (each row also shows its own). */
const LISTED = 50;

/** The run's one live region: progress while writing, the outcome once done. */
export function importStatusText(phase: ImportPhase, progress: BulkSnapshot): string {
  const { done, failed, cancelled, total, waiting } = progress;
  if (phase === 'writing') {
    const wait = waiting === 'rate-limit' ? ' The server asked to slow down: waiting.' : waiting === 'sign-in' ? ' Waiting for the token to be given again.' : '';
    return `Written ${formatCount(done)} of ${formatCount(total)}…${wait}`;
  }
  if (phase !== 'finished') return '';
  return `Imported ${formatCount(done)} of ${countOf(total, 'secret')}${failed ? `, ${formatCount(failed)} failed` : ''}${cancelled ? `, ${formatCount(cancelled)} cancelled` : ''}.`;
}

/** The keys whose write failed, each with the server's message. */
export function ImportFailureList({ failures }: { failures: readonly BulkFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <Box component="ul" aria-label="Failed keys" sx={{ m: 0, pl: 3, fontSize: '0.8125rem' }}>
      {failures.slice(0, LISTED).map((failure) => (
        <li key={failure.id}>
          <Box component="span" sx={{ fontFamily: 'monospace' }}>
            {failure.label}
          </Box>
          : {failure.message}
        </li>
      ))}
      {failures.length > LISTED ? <li>and {formatCount(failures.length - LISTED)} more</li> : null}
    </Box>
  );
}

/** The progress bar of a run and, once it has ended, what failed. */
export function ImportProgress({ phase, progress }: { phase: ImportPhase; progress: BulkSnapshot }) {
  const { done, failed, cancelled, total } = progress;
  return (
    <Stack spacing={1.5}>
      <LinearProgress aria-label="Importing secrets" variant="determinate" value={total ? ((done + failed + cancelled) / total) * 100 : 0} />
      {phase === 'finished' ? <ImportFailureList failures={progress.failures} /> : null}
    </Stack>
  );
}
