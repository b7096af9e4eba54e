import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ErrorAlert } from '@/components/error-alert';
import { countOf, formatCount } from '@/lib/counts';
import type { ParseProblem } from '../formats/types';
import type { ImportCounts, ImportPreview } from './import-model';
import { ImportRows, type RowHandlers } from './import-rows';

/** Broken lines listed; the rest are counted ("and 120 more"). */
const PROBLEMS_LISTED = 50;

/** The summary's lines, in order, for the counts that are not zero. */
function summaryLines(counts: ImportCounts, envName: string): string[] {
  const lines: Array<[number, string]> = [
    [counts.new, `${countOf(counts.new, 'key')} new in ${envName}`],
    [counts.replace, `${countOf(counts.replace, 'key')} will replace a value`],
    [counts.same, `${countOf(counts.same, 'key')} already ${counts.same === 1 ? 'has' : 'have'} this value (skipped)`],
    [counts.invalid, `${countOf(counts.invalid, 'invalid name')} (skipped)`],
    [counts['too-large'], `${countOf(counts['too-large'], 'value')} too large (skipped)`],
    [counts.duplicate, `${countOf(counts.duplicate, 'key')} written more than once (the last wins)`],
    [counts.suspicious, `${countOf(counts.suspicious, 'key')} worth a second look`],
  ];
  return lines.filter(([n]) => n > 0).map(([, text]) => text);
}

/** "Line 4: …", unless the message already starts with its line. */
const problemText = (problem: ParseProblem) => (/^line \d/i.test(problem.message) ? problem.message : `Line ${problem.line}: ${problem.message}`);

function ParseProblems({ problems }: { problems: readonly ParseProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>{countOf(problems.length, 'line')} could not be read (not imported)</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {problems.slice(0, PROBLEMS_LISTED).map((problem, index) => (
          <li key={index}>{problemText(problem)}</li>
        ))}
        {problems.length > PROBLEMS_LISTED ? <li>and {formatCount(problems.length - PROBLEMS_LISTED)} more</li> : null}
      </Box>
    </Alert>
  );
}

export interface CompareControl {
  /** Some keys hold a value that could be compared. */
  available: boolean;
  pending: boolean;
  error: unknown;
  /** The current preview was compared. */
  done: boolean;
  onCompare: () => void;
}

export interface ImportPreviewProps {
  preview: ImportPreview;
  problems: readonly ParseProblem[];
  maxKeys: number;
  envName: string;
  handlers: RowHandlers;
  compare: CompareControl;
}

/** What the import would do: counts per category, the broken lines, then one row per key (never a value). */
export function ImportPreviewList({ preview, problems, maxKeys, envName, handlers, compare }: ImportPreviewProps) {
  if (preview.tooMany) {
    return (
      <Alert severity="error" role="alert">
        <AlertTitle>Too many keys</AlertTitle>
        The text has {countOf(preview.rows.length, 'key')}; an import takes at most {formatCount(maxKeys)}. Split it into smaller files.
      </Alert>
    );
  }
  const lines = summaryLines(preview.counts, envName);
  return (
    <Stack spacing={1.5}>
      <ParseProblems problems={problems} />
      {preview.rows.length === 0 ? (
        <Typography>No keys found in the text.</Typography>
      ) : (
        <section aria-label="Summary">
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </Box>
        </section>
      )}
      {compare.available && !handlers.locked ? (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button size="small" variant="outlined" disabled={compare.pending} onClick={compare.onCompare}>
            {compare.done ? 'Compare again' : 'Compare with current values'}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {compare.pending ? 'Comparing…' : compare.done ? 'Compared: keys already holding the same value are skipped.' : 'Finds the keys that already hold the same value; no value is shown.'}
          </Typography>
        </Stack>
      ) : null}
      {compare.error ? <ErrorAlert error={compare.error} title="Could not compare with the current values" onRetry={compare.onCompare} /> : null}
      {preview.rows.length > 0 ? <ImportRows rows={preview.rows} handlers={handlers} label="Keys to import" /> : null}
    </Stack>
  );
}
