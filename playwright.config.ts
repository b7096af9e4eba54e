import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';
import { CANARY, DEMO_PORT, HTTP_APPS, HTTP_FAKE_PORT, HTTP_FAKE_URL, HTTP_PREVIEW_PORT, HTTP_TIMEOUT_MS, PROD_PORT } from './e2e/constants';

/**
 * Browser tests run against the production build (`npm run test:e2e` builds it first):
 * - demo: `vite preview` with the fake API in the page's service worker (one fake per test:
 *   each test has its own browser context, hence its own service worker);
 * - http: the same build behind `vite preview` with API_UPSTREAM → `npm run api:fake` on
 *   127.0.0.1, so every request crosses real sockets through the proxy (specs `*.http.spec.ts`);
 *   that fake answers writes as leanly as the contract allows (`--write-responses empty`);
 * - prod: the same build served by nginx (`npm run serve`, deploy/nginx: the production headers and
 *   Content-Security-Policy) → the http project's fake (specs `*.prod.spec.ts`). Needs nginx:
 *   without it the run fails with the install hint.
 */
// The headless shell when installed: the same engine without the browser UI, ~10 % less test time.
const launchOptions = chromiumLaunchOptions([], { headlessShell: true });

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Three on two cores: much of the fault matrix waits (backoff, Retry-After, timeouts) rather than computes.
  workers: 3,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
    // Tracing every action took ~45 % of the suite's CPU; re-run a failing test with `--trace on`.
    trace: 'off',
    serviceWorkers: 'allow',
    // As a user who asks for less motion: no transitions to wait for or paint (the theme and
    // baseline.css honour it); a11y.spec.ts scans with motion on.
    reducedMotion: 'reduce',
  },
  projects: [
    {
      name: 'demo',
      testIgnore: /\.(http|prod)\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      name: 'http',
      testMatch: /\.http\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${HTTP_PREVIEW_PORT}` },
    },
    {
      name: 'prod',
      testMatch: /\.prod\.spec\.ts$/,
      use: { baseURL: `http://127.0.0.1:${PROD_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEMO_PORT}/app-config.js`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      // The demo's fake without its 150 ms delay: specs that need a slow answer inject one.
      env: { API_UPSTREAM: '', DEMO_LATENCY_MS: '0' },
    },
    {
      // The leanest write answers (create 201 { id }, set value 204): every http spec copes with them.
      // --gaps-app: one more app (GAPS_APP), values missing in some environments, for the overview.
      command: `npx tsx mocks/http-server.ts --port ${HTTP_FAKE_PORT} --apps ${HTTP_APPS} --secrets 60 --envs 4 --gaps-app --canary ${CANARY} --write-responses empty`,
      // Answers 401 without a token: ready for Playwright, which counts any status below 404.
      url: `${HTTP_FAKE_URL}/environments`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --host 127.0.0.1 --port ${HTTP_PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${HTTP_PREVIEW_PORT}/app-config.js`,
      reuseExistingServer: false,
      timeout: 60_000,
      // API_ORIGINS: the fake's own origin may be called directly (cross-origin.http.spec.ts).
      env: { API_UPSTREAM: HTTP_FAKE_URL, API_TIMEOUT_MS: String(HTTP_TIMEOUT_MS), API_ORIGINS: HTTP_FAKE_URL },
    },
    {
      command: `npm run serve -- --port ${PROD_PORT}`,
      url: `http://127.0.0.1:${PROD_PORT}/app-config.js`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { API_UPSTREAM: HTTP_FAKE_URL },
    },
  ],
});
