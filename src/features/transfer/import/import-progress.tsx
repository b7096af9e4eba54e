import Stack from '@mui/material/Stack';
import { BulkFailureList, BulkProgressBar, bulkStatusText } from '@/components/bulk-progress';
import type { BulkSnapshot } from '@/lib/bulk-runner';
import type { ImportPhase } from './use-import-run';

/** The run's one live region: progress while writing, the outcome once done. */
export function importStatusText(phase: ImportPhase, progress: BulkSnapshot): string {
  return bulkStatusText(progress, phase === 'writing' ? 'running' : phase, { verb: 'Imported', noun: 'secret' });
}

/** The progress bar of a run and, once it has ended, what failed. */
export function ImportProgress({ phase, progress }: { phase: ImportPhase; progress: BulkSnapshot }) {
  return (
    <Stack spacing={1.5}>
      <BulkProgressBar label="Importing secrets" progress={progress} />
      {phase === 'finished' ? <BulkFailureList failures={progress.failures} /> : null}
    </Stack>
  );
}
