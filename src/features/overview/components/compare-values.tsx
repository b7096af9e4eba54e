import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import type { Environment } from '@/api/contract';
import { errorText } from '@/components/error-alert';
import { environmentName } from '@/lib/environment-name';
import { countOf, formatCount } from '@/lib/counts';
import { usePageCommand } from '@/lib/page-commands';
import { comparisonSummary, NoWebCryptoError, SHOW_DIFFERS, SHOW_RISKY, type Comparison } from '../compare-model';
import type { CompareState, CompareValues as CompareValuesState } from '../use-compare-values';

function statusText(state: CompareState, environments: readonly Environment[], hideAfterSeconds: number): string {
  if (state.status === 'running') return `Comparing values: ${state.done} of ${countOf(state.total, 'environment', 'environments')}…`;
  if (state.status === 'done') return `${comparisonSummary(state.comparison, environments)} Results hide after ${hideAfterSeconds}\u00a0s.`;
  return '';
}

export interface CompareValuesProps {
  compare: CompareValuesState;
  environments: readonly Environment[];
}

/**
 * The toolbar's "Compare values": starts a comparison of every environment with production, says
 * how far it is and then what it found (a polite status), and cancels or clears it. The verdicts
 * themselves show in the table's cells.
 */
export function CompareValues({ compare, environments }: CompareValuesProps) {
  const { state, start, clear, hideAfterSeconds } = compare;
  const running = state.status === 'running';
  const error = state.status === 'failed' ? state.error : null;
  usePageCommand('compare', !running && environments.length > 0, () => start(environments));
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', flex: 1, minWidth: 0 }}>
      <Button variant="outlined" disabled={running || environments.length === 0} onClick={() => start(environments)} sx={{ whiteSpace: 'nowrap' }}>
        Compare values
      </Button>
      {running ? (
        <Button onClick={clear} sx={{ whiteSpace: 'nowrap' }}>
          Cancel comparison
        </Button>
      ) : state.status === 'done' ? (
        <Button onClick={clear} sx={{ whiteSpace: 'nowrap' }}>
          Clear comparison
        </Button>
      ) : null}
      <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ flex: '1 1 240px' }}>
        {statusText(state, environments, hideAfterSeconds)}
      </Typography>
      {error !== null ? (
        <Typography variant="body2" color="error" role="alert" sx={{ flexBasis: '100%' }}>
          Values could not be compared: {error instanceof NoWebCryptoError ? error.message : errorText(error)}
          {isApiError(error) && error.requestId ? ` (request id ${error.requestId})` : ''}
        </Typography>
      ) : null}
    </Stack>
  );
}

/** The "Show" select's options for a comparison's keys: differing from production (when there is one), risky. */
export function CompareFilterOptions({ comparison, environments }: { comparison: Comparison; environments: readonly Environment[] }) {
  const reference = comparison.reference === null ? undefined : environments[comparison.reference];
  return (
    <>
      {reference ? (
        <option value={SHOW_DIFFERS}>
          Differs from {environmentName(reference)} ({formatCount(comparison.differingKeys.size)})
        </option>
      ) : null}
      <option value={SHOW_RISKY}>Risky ({formatCount(comparison.riskyKeys.size)})</option>
    </>
  );
}
