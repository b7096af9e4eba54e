/**
 * Performance benchmark of the secrets page against the fake API with a large dataset (issue #6).
 *
 *   npm run bench -- [--secrets 10000] [--envs 12] [--apps 300] [--runs 5] [--skip-build] [--strict]
 *                    [--scroll-step 400] [--scroll-seconds 30] [--dist DIR] [--timeout-scale 1] [--max-seconds 570]
 *
 * 1. `vite build` into a private output directory (default node_modules/.cache/bench-dist, so a
 *    concurrent `npm run build`/e2e run cannot swap files under it), plus /__bench/floor.html.
 * 2. The fake API (mocks/http-server.ts) in a child process with a generated dataset, and
 *    `vite preview` of the build with API_UPSTREAM pointing at it; both on 127.0.0.1, free ports.
 * 3. Headless Chromium (Playwright): one warm-up run, then `--runs` runs, each in fresh browser
 *    contexts (cold cache); every metric is the median over the runs.
 * 4. Prints a table with the targets, writes bench/results.json. Exit code 0 even when a target
 *    fails (1 with --strict); 1 when a metric could not be measured at all or on a setup error.
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureFirstPage } from '../scripts/bundle-size.ts';
import { METRIC_KEYS, runOnce, type MetricKey, type RunResult, type RunSetup } from './measure.ts';
import { freePort, killAllNow, runToCompletion, startChild, stopAll, waitForHttp, waitForOutput } from './processes.ts';
import { median, round } from './stats.ts';
import { chromiumLaunchOptions } from '../e2e/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const RESULTS_FILE = join(ROOT, 'bench', 'results.json');
const FLOOR_TEMPLATE = join(ROOT, 'bench', 'floor.html');
const FLOOR_PATH = '/__bench/floor.html';

const TOKEN = 'demo-token';
const APP_ID = 'app_payments';
const ENV_ID = 'env_dev';
const APP_PATH = `/apps/${APP_ID}/development`;
const TABLE_NAME = 'Secrets in Development';
const RENDERED_PATH = `/api/apps/${APP_ID}/secrets/rendered?environment=${ENV_ID}&mode=PreviewOnly`;
const SESSION_KEY = 'secrets-dashboard.session';
const SESSION_JSON = JSON.stringify({ baseUrl: '/api', readToken: TOKEN, demo: false });
const FILTER_CHARS = ['A', 'S', 'E', 'K', 'T'];

// Nothing but 127.0.0.1: any other host name fails to resolve.
const BENCH_ONLY_LOCAL = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const USAGE = `Usage: npm run bench -- [--secrets N] [--envs N] [--apps N] [--runs N] [--skip-build] [--strict]
                       [--scroll-step PX] [--scroll-seconds S] [--dist DIR] [--timeout-scale X] [--max-seconds S]`;

interface Options {
  secrets: number;
  envs: number;
  apps: number;
  runs: number;
  skipBuild: boolean;
  strict: boolean;
  scrollStep: number;
  scrollSeconds: number;
  distDir: string;
  timeoutScale: number;
  maxSeconds: number;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      secrets: { type: 'string', default: '10000' },
      envs: { type: 'string', default: '12' },
      apps: { type: 'string', default: '300' },
      runs: { type: 'string', default: '5' },
      'skip-build': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      'scroll-step': { type: 'string', default: '400' },
      'scroll-seconds': { type: 'string', default: '30' },
      dist: { type: 'string', default: join(ROOT, 'node_modules', '.cache', 'bench-dist') },
      'timeout-scale': { type: 'string', default: '1' },
      'max-seconds': { type: 'string', default: '570' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: 'secrets' | 'envs' | 'apps' | 'runs' | 'scroll-step' | 'scroll-seconds' | 'max-seconds', min: number): number => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
    return n;
  };
  const scale = Number(values['timeout-scale']);
  if (!(scale > 0)) throw new Error(`--timeout-scale must be a positive number\n${USAGE}`);
  return {
    secrets: int('secrets', 1),
    envs: int('envs', 1),
    apps: int('apps', 1),
    runs: int('runs', 1),
    skipBuild: values['skip-build'],
    strict: values.strict,
    scrollStep: int('scroll-step', 1),
    scrollSeconds: int('scroll-seconds', 1),
    distDir: resolve(values.dist),
    timeoutScale: scale,
    maxSeconds: int('max-seconds', 30),
  };
}

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(`[bench ${elapsed().padStart(7)}] ${line}`);

// ---------------------------------------------------------------------------------------------
// Setup
// ---------------------------------------------------------------------------------------------
async function build(options: Options): Promise<void> {
  if (options.skipBuild) {
    if (!existsSync(join(options.distDir, 'index.html'))) throw new Error(`--skip-build: no build in ${options.distDir} (run once without --skip-build)`);
    log(`using the existing build in ${relative(ROOT, options.distDir)}`);
  } else {
    log(`vite build → ${relative(ROOT, options.distDir)}`);
    await runToCompletion('vite build', BIN('vite'), ['build', '--outDir', options.distDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      env: { CI: '1' },
      timeoutMs: 180_000 * options.timeoutScale,
    });
  }
  const floor = readFileSync(FLOOR_TEMPLATE, 'utf8').replaceAll('__RENDERED_URL__', RENDERED_PATH).replaceAll('__TOKEN__', TOKEN);
  mkdirSync(join(options.distDir, '__bench'), { recursive: true });
  writeFileSync(join(options.distDir, '__bench', 'floor.html'), floor);
}

async function startFake(options: Options): Promise<string> {
  const fake = startChild('fake API', BIN('tsx'), [
    join(ROOT, 'mocks', 'http-server.ts'),
    '--port', '0',
    '--host', '127.0.0.1',
    '--secrets', String(options.secrets),
    '--envs', String(options.envs),
    '--apps', String(options.apps),
  ], { cwd: ROOT });
  const match = await waitForOutput(fake, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 90_000 * options.timeoutScale);
  const url = match[1]!;
  log(`fake API on ${url} (${options.secrets} secrets, ${options.envs} envs, ${options.apps} apps)`);
  return url;
}

async function startPreview(options: Options, upstream: string): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const preview = startChild('vite preview', BIN('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', options.distDir], {
    cwd: ROOT,
    env: { API_UPSTREAM: upstream, CI: '1', NO_OPEN: '1' },
  });
  const config = await waitForHttp(`${base}/app-config.js`, 60_000 * options.timeoutScale, { child: preview });
  if (!/"demo":\s*false/.test(config)) throw new Error(`vite preview serves the demo config (API_UPSTREAM not applied?): ${config.trim()}`);
  await waitForHttp(`${base}${RENDERED_PATH}`, 60_000 * options.timeoutScale, {
    headers: { Authorization: `Bearer ${TOKEN}` },
    child: preview,
    accept: (status, body) => {
      if (status !== 200) return false;
      const count = (JSON.parse(body) as { secrets?: unknown[] }).secrets?.length ?? 0;
      if (count < options.secrets) throw new Error(`the rendered secrets response has ${count} secrets, expected ≥ ${options.secrets}`);
      return true;
    },
  });
  await waitForHttp(`${base}${FLOOR_PATH}`, 10_000 * options.timeoutScale, { child: preview, accept: (status, body) => status === 200 && body.includes('__floorCount') });
  log(`vite preview on ${base} → /api proxied to ${upstream}`);
  return base;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    headless: true,
    ...chromiumLaunchOptions(BENCH_ONLY_LOCAL),
    timeout: 60_000,
    // Our own handlers stop everything in order (and keep a half-done bench from writing results).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------
type Results = Record<MetricKey, number | null> & { secrets: number; runs: number; chromium: string; date: string };

const UNITS: Record<MetricKey, string> = {
  initialJsGzipKB: 'KB',
  envPageJsGzipKB: 'KB',
  firstRowsMs: 'ms',
  floorMs: 'ms',
  filterMs: 'ms',
  revealMs: 'ms',
  revealRequests: '',
  revealAllMs: 'ms',
  scrollFrameMs: 'ms',
  domRows: '',
  heapMB: 'MB',
};

interface Target {
  text: string;
  pass: (r: Results) => boolean | null;
}

const le = (key: MetricKey, limit: number) => (r: Results) => (r[key] === null ? null : r[key] <= limit);

const TARGETS: Partial<Record<MetricKey, Target>> = {
  initialJsGzipKB: { text: '≤ 150', pass: le('initialJsGzipKB', 150) },
  firstRowsMs: { text: '≤ 2 × floorMs', pass: (r) => (r.firstRowsMs === null || r.floorMs === null ? null : r.firstRowsMs <= 2 * r.floorMs) },
  filterMs: { text: '≤ 50', pass: le('filterMs', 50) },
  revealMs: { text: '≤ 100', pass: le('revealMs', 100) },
  revealRequests: { text: '= 1', pass: (r) => (r.revealRequests === null ? null : r.revealRequests === 1) },
  scrollFrameMs: { text: '≤ 20', pass: le('scrollFrameMs', 20) },
  domRows: { text: '≤ 100', pass: le('domRows', 100) },
  heapMB: { text: '≤ 80', pass: le('heapMB', 80) },
};

function printTable(results: Results, perRun: Record<MetricKey, (number | null)[]>): { failed: string[]; missing: string[] } {
  const failed: string[] = [];
  const missing: string[] = [];
  const rows: string[][] = [['metric', 'median', 'runs', 'target', '']];
  for (const key of METRIC_KEYS) {
    const value = results[key];
    const target = TARGETS[key];
    const verdict = target ? target.pass(results) : undefined;
    if (value === null) missing.push(key);
    if (verdict === false) failed.push(key);
    const runs = perRun[key].map((v) => (v === null ? '–' : String(round(v, key === 'initialJsGzipKB' ? 1 : 0)))).join(' ');
    rows.push([
      key,
      value === null ? 'n/a' : `${value}${UNITS[key] ? ` ${UNITS[key]}` : ''}`,
      key === 'initialJsGzipKB' ? '(static)' : runs,
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
  console.log('');
  return { failed, missing };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------
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
  const options = parseOptions(process.argv.slice(2));
  const watchdog = setTimeout(
    () => abort(1, `bench: gave up after ${options.maxSeconds} s (--max-seconds); stopping the children`),
    options.maxSeconds * 1000,
  );

  try {
    await build(options);
    const firstPage = measureFirstPage(options.distDir);
    if (firstPage.files.length === 0) throw new Error(`measureFirstPage found no files in ${options.distDir}/index.html`);
    log(`first page: ${firstPage.files.length} files, ${firstPage.gzipKB} KB gzip${firstPage.mswInFirstPage ? ' (msw code in the first page!)' : ''}`);

    const fakeUrl = await startFake(options);
    const baseUrl = await startPreview(options, fakeUrl);
    browser = await launch();
    const chromiumVersion = browser.version();
    log(`Chromium ${chromiumVersion} (headless)`);

    const setup: RunSetup = {
      browser,
      baseUrl,
      distDir: options.distDir,
      firstPageFiles: firstPage.files.map((f) => f.file),
      appPath: APP_PATH,
      tableName: TABLE_NAME,
      floorPath: FLOOR_PATH,
      sessionKey: SESSION_KEY,
      sessionJson: SESSION_JSON,
      filterChars: FILTER_CHARS,
      scrollStep: options.scrollStep,
      scrollSeconds: options.scrollSeconds,
      timeoutScale: options.timeoutScale,
      log,
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
    if (warm.metrics.firstRowsMs === undefined) throw new Error('the warm-up run could not load the secrets page; see the error above');

    const runs: RunResult[] = [];
    for (let i = 1; i <= options.runs; i++) {
      if (interrupted) throw new Error('interrupted');
      const run = await runOnce(setup, false);
      runs.push(run);
      report(`run ${i}/${options.runs}`, run);
    }

    const perRun = Object.fromEntries(METRIC_KEYS.map((k) => [k, runs.map((r) => r.metrics[k] ?? null)])) as Record<MetricKey, (number | null)[]>;
    perRun.initialJsGzipKB = [firstPage.gzipKB];
    const results = {
      ...(Object.fromEntries(
        METRIC_KEYS.map((k) => [k, round(median(perRun[k].filter((v): v is number => v !== null)), 1)]),
      ) as Record<MetricKey, number | null>),
      secrets: options.secrets,
      runs: options.runs,
      chromium: chromiumVersion,
      date: new Date().toISOString(),
    } satisfies Results;
    results.initialJsGzipKB = firstPage.gzipKB;

    if (interrupted) throw new Error('interrupted');
    const { failed, missing } = printTable(results, perRun);
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${relative(ROOT, RESULTS_FILE)}`);
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
