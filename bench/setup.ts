/**
 * What the benchmark runs against: a production build (plus the floor page), the HTTP fake with a
 * generated dataset, `vite preview` proxying /api to it, and headless Chromium — all on 127.0.0.1.
 */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { environments } from '../mocks/seed.ts';
import type { Options } from './options.ts';
import { freePort, runToCompletion, startChild, waitForHttp, waitForOutput } from './processes.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const FLOOR_TEMPLATE = join(ROOT, 'bench', 'floor.html');
const OVERVIEW_FLOOR_TEMPLATE = join(ROOT, 'bench', 'overview-floor.html');

/** The page measured, the session it is opened with, and the floor page served beside the build. */
const TOKEN = 'demo-token';
const APP_ID = 'app_payments';
const ENV_ID = 'env_dev';
export const SCENARIO = {
  token: TOKEN,
  appPath: `/apps/${APP_ID}/development`,
  tableName: 'Secrets in Development',
  renderedPath: `/api/apps/${APP_ID}/secrets/rendered?environment=${ENV_ID}&mode=PreviewOnly`,
  floorPath: '/__bench/floor.html',
  sessionKey: 'secrets-dashboard.session',
  sessionJson: JSON.stringify({ baseUrl: '/api', readToken: TOKEN, demo: false }),
  writeSessionJson: JSON.stringify({ baseUrl: '/api', readToken: TOKEN, writeToken: TOKEN, demo: false }),
  filterChars: ['A', 'S', 'E', 'K', 'T'],
  /** The app's overview (every environment's list) and its floor. */
  overviewPath: `/apps/${APP_ID}`,
  overviewTableName: 'Secrets by environment',
  overviewFloorPath: '/__bench/overview-floor.html',
} as const;

/** Every environment's masked list, as the overview requests them (the fake's environments for `envs`). */
export function renderedPaths(envs: number): string[] {
  return environments(envs).map((env) => `/api/apps/${APP_ID}/secrets/rendered?environment=${env.id}&mode=PreviewOnly`);
}

// Nothing but 127.0.0.1: any other host name fails to resolve.
const BENCH_ONLY_LOCAL = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * `vite build` into a private output directory (default node_modules/.cache/bench-dist, so a
 * concurrent `npm run build`/e2e run cannot swap files under it), plus the floor page.
 */
export async function build(options: Options, log: (line: string) => void): Promise<void> {
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
  const floor = readFileSync(FLOOR_TEMPLATE, 'utf8').replaceAll('__RENDERED_URL__', SCENARIO.renderedPath).replaceAll('__TOKEN__', SCENARIO.token);
  mkdirSync(join(options.distDir, '__bench'), { recursive: true });
  writeFileSync(join(options.distDir, '__bench', 'floor.html'), floor);
  const overviewFloor = readFileSync(OVERVIEW_FLOOR_TEMPLATE, 'utf8')
    .replaceAll('__RENDERED_URLS__', JSON.stringify(renderedPaths(options.envs)))
    .replaceAll('__TOKEN__', SCENARIO.token);
  writeFileSync(join(options.distDir, '__bench', 'overview-floor.html'), overviewFloor);
}

/** The fake API (mocks/http-server.ts) on a free port; resolves with its URL. */
export async function startFake(options: Options, log: (line: string) => void): Promise<string> {
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

/** `vite preview` of the build with /api proxied to `upstream`; resolves once the page's request answers in full. */
export async function startPreview(options: Options, upstream: string, log: (line: string) => void): Promise<string> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const preview = startChild('vite preview', BIN('vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', options.distDir], {
    cwd: ROOT,
    env: { API_UPSTREAM: upstream, CI: '1', NO_OPEN: '1' },
  });
  const config = await waitForHttp(`${base}/app-config.js`, 60_000 * options.timeoutScale, { child: preview });
  if (!/"demo":\s*false/.test(config)) throw new Error(`vite preview serves the demo config (API_UPSTREAM not applied?): ${config.trim()}`);
  await waitForHttp(`${base}${SCENARIO.renderedPath}`, 60_000 * options.timeoutScale, {
    headers: { Authorization: `Bearer ${SCENARIO.token}` },
    child: preview,
    accept: (status, body) => {
      if (status !== 200) return false;
      const count = (JSON.parse(body) as { secrets?: unknown[] }).secrets?.length ?? 0;
      if (count < options.secrets) throw new Error(`the rendered secrets response has ${count} secrets, expected ≥ ${options.secrets}`);
      return true;
    },
  });
  for (const floor of [SCENARIO.floorPath, SCENARIO.overviewFloorPath]) {
    await waitForHttp(`${base}${floor}`, 10_000 * options.timeoutScale, { child: preview, accept: (status, body) => status === 200 && body.includes('__floorCount') });
  }
  log(`vite preview on ${base} → /api proxied to ${upstream}`);
  return base;
}

export async function launch(): Promise<Browser> {
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
