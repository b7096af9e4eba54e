/** The bench's verdict: medians over the runs, the targets, the printed table, bench/results.json's shape. */
import { METRIC_KEYS, type MetricKey, type RunResult } from './metrics.ts';
import { median, round } from './stats.ts';

export type Results = Record<MetricKey, number | null> & { secrets: number; runs: number; chromium: string; date: string };
export type PerRun = Record<MetricKey, (number | null)[]>;

const UNITS: Record<MetricKey, string> = {
  initialJsGzipKB: 'KB',
  envPageJsGzipKB: 'KB',
  interactiveRowsMs: 'ms',
  firstRowsMs: 'ms',
  floorMs: 'ms',
  filterMs: 'ms',
  revealMs: 'ms',
  revealRequests: '',
  revealAllMs: 'ms',
  scrollFrameMs: 'ms',
  domRows: '',
  heapMB: 'MB',
  bigValueInputMs: 'ms',
  paletteKeystrokeMs: 'ms',
  overviewInteractiveMs: 'ms',
  overviewFloorMs: 'ms',
  overviewScrollFrameMs: 'ms',
  compareMs: 'ms',
  copyKeysPerSecond: 'keys/s',
  copyKeysPerSecondSequential: 'keys/s',
  importKeysPerSecond: 'keys/s',
  importKeysPerSecondSequential: 'keys/s',
};

interface Target {
  text: string;
  pass: (r: Results) => boolean | null;
}

const le = (key: MetricKey, limit: number) => (r: Results) => (r[key] === null ? null : r[key] <= limit);
/** At most `factor` times another metric of the same bench, e.g. its floor (medians of both). */
const times = (key: MetricKey, factor: number, base: MetricKey) => (r: Results) => (r[key] === null || r[base] === null ? null : r[key] <= factor * r[base]);
/** At least `factor` times another metric (a rate against its baseline). */
const atLeast = (key: MetricKey, factor: number, base: MetricKey) => (r: Results) => (r[key] === null || r[base] === null ? null : r[key] >= factor * r[base]);

const TARGETS: Partial<Record<MetricKey, Target>> = {
  envPageJsGzipKB: { text: '≤ 200 (ceiling 224)', pass: le('envPageJsGzipKB', 200) },
  interactiveRowsMs: { text: '≤ 3 × floorMs (aim 2.5 ×)', pass: times('interactiveRowsMs', 3, 'floorMs') },
  filterMs: { text: '≤ 50', pass: le('filterMs', 50) },
  revealMs: { text: '≤ 100', pass: le('revealMs', 100) },
  revealRequests: { text: '= 1', pass: (r) => (r.revealRequests === null ? null : r.revealRequests === 1) },
  scrollFrameMs: { text: '≤ 20', pass: le('scrollFrameMs', 20) },
  domRows: { text: '≤ 100', pass: le('domRows', 100) },
  heapMB: { text: '≤ 80', pass: le('heapMB', 80) },
  bigValueInputMs: { text: '≤ 200', pass: le('bigValueInputMs', 200) },
  paletteKeystrokeMs: { text: '≤ 50', pass: le('paletteKeystrokeMs', 50) },
  overviewInteractiveMs: { text: '≤ 3 × overviewFloorMs', pass: times('overviewInteractiveMs', 3, 'overviewFloorMs') },
  overviewScrollFrameMs: { text: '≤ 20', pass: le('overviewScrollFrameMs', 20) },
  copyKeysPerSecond: { text: '≥ 4 × copyKeysPerSecondSequential', pass: atLeast('copyKeysPerSecond', 4, 'copyKeysPerSecondSequential') },
  importKeysPerSecond: { text: '≥ 4 × importKeysPerSecondSequential', pass: atLeast('importKeysPerSecond', 4, 'importKeysPerSecondSequential') },
};

/** Every metric's value per run and its median; `once` holds the metrics measured once from the build. */
export function summarize(
  runs: readonly RunResult[],
  once: Partial<Record<MetricKey, number>>,
  info: Pick<Results, 'secrets' | 'runs' | 'chromium'>,
): { results: Results; perRun: PerRun } {
  const perRun = Object.fromEntries(
    METRIC_KEYS.map((k) => [k, once[k] !== undefined ? [once[k]] : runs.map((r) => r.metrics[k] ?? null)]),
  ) as PerRun;
  const medians = Object.fromEntries(
    METRIC_KEYS.map((k) => [k, round(median(perRun[k].filter((v): v is number => v !== null)), 1)]),
  ) as Record<MetricKey, number | null>;
  return { results: { ...medians, ...info, date: new Date().toISOString() }, perRun };
}

const digits = (key: MetricKey) => (UNITS[key] === 'KB' || UNITS[key] === 'keys/s' ? 1 : 0);

/** Prints the table of medians, runs and targets (of `keys`); returns the metrics that failed or were not measured. */
export function printTable(
  results: Results,
  perRun: PerRun,
  once: ReadonlySet<MetricKey>,
  keys: readonly MetricKey[] = METRIC_KEYS,
): { failed: string[]; missing: string[] } {
  const failed: string[] = [];
  const missing: string[] = [];
  const rows: string[][] = [['metric', 'median', 'runs', 'target', '']];
  for (const key of keys) {
    const value = results[key];
    const target = TARGETS[key];
    const verdict = target ? target.pass(results) : undefined;
    if (value === null) missing.push(key);
    if (verdict === false) failed.push(key);
    const runs = perRun[key].map((v) => (v === null ? '–' : String(round(v, digits(key))))).join(' ');
    rows.push([
      key,
      value === null ? 'n/a' : `${value}${UNITS[key] ? ` ${UNITS[key]}` : ''}`,
      once.has(key) ? '(build)' : runs,
      target?.text ?? '',
      verdict === undefined ? '' : verdict === null ? 'n/a' : verdict ? 'PASS' : 'FAIL',
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 1 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log('');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  const ratio = (key: MetricKey, base: MetricKey) => (results[key] === null || !results[base] ? 'n/a' : `${(results[key] / results[base]).toFixed(2)} ×`);
  if (keys.includes('floorMs')) console.log(`\ninteractiveRowsMs / floorMs = ${ratio('interactiveRowsMs', 'floorMs')} (≤ 3, aim 2.5); firstRowsMs / floorMs = ${ratio('firstRowsMs', 'floorMs')}`);
  if (keys.includes('overviewFloorMs')) console.log(`overviewInteractiveMs / overviewFloorMs = ${ratio('overviewInteractiveMs', 'overviewFloorMs')} (≤ 3)`);
  if (keys.includes('copyKeysPerSecondSequential')) console.log(`copyKeysPerSecond / copyKeysPerSecondSequential = ${ratio('copyKeysPerSecond', 'copyKeysPerSecondSequential')} (≥ 4)`);
  if (keys.includes('importKeysPerSecondSequential')) console.log(`importKeysPerSecond / importKeysPerSecondSequential = ${ratio('importKeysPerSecond', 'importKeysPerSecondSequential')} (≥ 4)`);
  console.log('');
  return { failed, missing };
}
