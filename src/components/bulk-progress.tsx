import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import type { BulkFailure, BulkSnapshot } from '@/lib/bulk-runner';
import { countOf, formatCount } from '@/lib/counts';

/** Failures listed; the rest are counted ("and 120 more"). */
const LISTED = 50;

/**
 * The one live region of a bulk write (copy, import): progress while it runs, the outcome once it
 * has ended ("Copied 3 of 4 values, 1 failed."), nothing before.
 */
export function bulkStatusText(progress: BulkSnapshot, state: 'running' | 'finished' | 'idle', outcome: { verb: string; noun: string }): string {
  const { done, failed, cancelled, total, waiting } = progress;
  if (state === 'running') {
    const wait = waiting === 'rate-limit' ? ' The server asked to slow down: waiting.' : waiting === 'sign-in' ? ' Waiting for the token to be given again.' : '';
    return `Written ${formatCount(done)} of ${formatCount(total)}…${wait}`;
  }
  if (state === 'idle') return '';
  return `${outcome.verb} ${formatCount(done)} of ${countOf(total, outcome.noun)}${failed ? `, ${formatCount(failed)} failed` : ''}${cancelled ? `, ${formatCount(cancelled)} cancelled` : ''}.`;
}

/** The items whose write failed, each with the server's message. */
export function BulkFailureList({ failures }: { failures: readonly BulkFailure[] }) {
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

/** A bulk write's bar: the share of items that have ended (written, failed or cancelled); `waiting` before that is known. */
export function BulkProgressBar({ label, progress, waiting = false }: { label: string; progress: BulkSnapshot; waiting?: boolean }) {
  const { done, failed, cancelled, total } = progress;
  return <LinearProgress aria-label={label} variant={waiting ? 'indeterminate' : 'determinate'} value={total ? ((done + failed + cancelled) / total) * 100 : 0} />;
}

/**
 * A bulk write's buttons: Cancel while it runs; once ended, "Retry the failed ones" when some
 * failed, any `other` buttons, and Close. The button pressed goes away: focus moves to what can be
 * done next.
 */
export function BulkRunActions({ running, failed, onCancel, onRetry, onClose, other }: { running: boolean; failed: number; onCancel: () => void; onRetry: () => void; onClose: () => void; other?: ReactNode }) {
  if (running) {
    return (
      <Button autoFocus onClick={onCancel}>
        Cancel
      </Button>
    );
  }
  return (
    <>
      {failed > 0 ? (
        <Button autoFocus onClick={onRetry}>
          Retry the failed ones
        </Button>
      ) : null}
      {other}
      <Button variant="contained" autoFocus={failed === 0} onClick={onClose}>
        Close
      </Button>
    </>
  );
}
