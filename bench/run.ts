/**
 * Performance benchmark of the secrets page and the app's overview against the HTTP fake with a large dataset.
 *
 *   npm run bench -- [--secrets 10000] [--envs 12] [--apps 300] [--runs 5] [--skip-build] [--strict]
 *                    [--scroll-step 400] [--scroll-seconds 30] [--dist DIR] [--timeout-scale 1] [--max-seconds 570]
 *                    [--only bigValueInputMs,…]
 *
 * 1. `vite build` into a private output directory, plus the two floor pages (setup.ts).
 * 2. The fake API (mocks/http-server.ts) in a child process with a generated dataset, and
 *    `vite preview` of the build with API_UPSTREAM pointing at it; both on 127.0.0.1, free ports.
 * 3. Headless Chromium (Playwright): one warm-up run, then `--runs` runs, each of fresh browser
 *    contexts (cold cache) for the floors, the secrets page and the overview (measure.ts); every metric is the
 *    median over the runs. --only measures only the metrics named (the loads they need).
 * 4. Prints a table with the targets, writes bench/results.json (report.ts; not with --only). Exit code 0 even when
 *    a target fails (1 with --strict); 1 when a metric could not be measured at all or on a setup error.
 */
import type { Browser } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { indexHtmlFiles, sizeFiles } from './assets.ts';
import { runOnce } from './measure.ts';
import { METRIC_KEYS, wanted, type MetricKey, type RunResult, type RunSetup } from './metrics.ts';
import { parseOptions } from './options.ts';
import { killAllNow, stopAll } from './processes.ts';
import { printTable, summarize } from './report.ts';
import { build, launch, ROOT, SCENARIO, startFake, startPreview } from './setup.ts';
import { round } from './stats.ts';

const RESULTS_FILE = join(ROOT, 'bench', 'results.json');

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[bench ${elapsed().padStart(7)}] ${line}`);

let browser: Browser | undefined;
let shuttingDown = false;
/** Set by a signal or the watchdog: stop measuring, write nothing. */
let interrupted = false;

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  await browser?.close().catch(() => undefined);
  await stopAll();
}

process.on('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // `on`, not `once`: under tsx a Ctrl-C arrives twice (from the terminal and relayed by the tsx
  // wrapper), and a second, unhandled SIGINT would kill us before the children are stopped.
  process.on(signal, () => {
    abort(130, `\nbench: ${signal}, stopping the children`);
  });
}

/** Stops everything and exits (signals, watchdog); SIGKILLs the children if that takes > 10 s. */
function abort(code: number, reason: string): void {
  if (interrupted) return;
  interrupted = true;
  console.error(reason);
  setTimeout(() => {
    killAllNow();
    process.exit(code);
  }, 10_000).unref();
  void shutdown().finally(() => process.exit(code));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), ROOT);
  const watchdog = setTimeout(
    () => abort(1, `bench: gave up after ${options.maxSeconds} s (--max-seconds); stopping the children`),
    options.maxSeconds * 1000,
  );

  try {
    await build(options, log);
    // What index.html references: information beside envPageJsGzipKB (measured in the browser).
    const initial = sizeFiles(options.distDir, indexHtmlFiles(options.distDir));
    if (initial.files.length === 0) throw new Error(`no JS or CSS referenced by ${options.distDir}/index.html`);
    log(`index.html references ${initial.files.length} JS/CSS files, ${(initial.bytes / 1024).toFixed(1)} KB gzip`);
    const once: Partial<Record<MetricKey, number>> = wanted(options, 'initialJsGzipKB') ? { initialJsGzipKB: initial.bytes / 1024 } : {};

    const fakeUrl = await startFake(options, log);
    const baseUrl = await startPreview(options, fakeUrl, log);
    browser = await launch();
    const chromiumVersion = browser.version();
    log(`Chromium ${chromiumVersion} (headless)`);

    const setup: RunSetup = {
      browser,
      baseUrl,
      distDir: options.distDir,
      appPath: SCENARIO.appPath,
      tableName: SCENARIO.tableName,
      floorPath: SCENARIO.floorPath,
      overviewPath: SCENARIO.overviewPath,
      overviewTableName: SCENARIO.overviewTableName,
      overviewFloorPath: SCENARIO.overviewFloorPath,
      envs: options.envs,
      fakeUrl,
      sessionKey: SCENARIO.sessionKey,
      sessionJson: SCENARIO.sessionJson,
      writeSessionJson: SCENARIO.writeSessionJson,
      filterChars: SCENARIO.filterChars,
      scrollStep: options.scrollStep,
      scrollSeconds: options.scrollSeconds,
      timeoutScale: options.timeoutScale,
      log,
      only: options.only,
    };

    const report = (label: string, run: RunResult) => {
      const shown = METRIC_KEYS.filter((k) => run.metrics[k] !== undefined).map((k) => `${k}=${round(run.metrics[k]!, 1)}`);
      log(`${label}: ${shown.join(' ')}`);
      for (const note of run.notes) log(`  note: ${note}`);
      for (const error of run.errors) log(`  ERROR: ${error.replace(/\n/g, '\n    ')}`);
      if (run.foreignRequests.length > 0) log(`  WARNING: requests off 127.0.0.1: ${run.foreignRequests.slice(0, 5).join(' ')}`);
    };

    log('warm-up run (not counted)');
    const warm = await runOnce(setup, true);
    report('warm-up', warm);
    if (warm.metrics.firstRowsMs === undefined && wanted(options, 'firstRowsMs')) throw new Error('the warm-up run could not load the secrets page; see the error above');

    const runs: RunResult[] = [];
    for (let i = 1; i <= options.runs; i++) {
      if (interrupted) throw new Error('interrupted');
      const run = await runOnce(setup, false);
      runs.push(run);
      report(`run ${i}/${options.runs}`, run);
    }
    const { results, perRun } = summarize(runs, once, { secrets: options.secrets, runs: options.runs, chromium: chromiumVersion });

    if (interrupted) throw new Error('interrupted');
    const shownKeys = METRIC_KEYS.filter((k) => wanted(options, k));
    const { failed, missing } = printTable(results, perRun, new Set(Object.keys(once) as MetricKey[]), shownKeys);
    if (options.only === null) {
      mkdirSync(dirname(RESULTS_FILE), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
      log(`wrote ${relative(ROOT, RESULTS_FILE)}`);
    } else log(`--only ${shownKeys.join(',')}: ${relative(ROOT, RESULTS_FILE)} not written`);
    const verdict = failed.length > 0 ? `FAIL ${failed.join(', ')}` : missing.length > 0 ? 'no failure among the measured ones' : 'all pass';
    console.log(`targets: ${verdict}${missing.length > 0 ? `; NOT MEASURED: ${missing.join(', ')} (see the errors above)` : ''}; ${options.runs} runs, ${options.secrets} secrets, total ${elapsed()}`);
    if (missing.length > 0) return 1;
    return options.strict && failed.length > 0 ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await shutdown();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (interrupted) return; // a signal handler or the watchdog is already exiting
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    void shutdown().finally(() => process.exit(1));
  },
);
