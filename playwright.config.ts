import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests run against the production build (`npm run test:e2e` builds it first):
 * - demo: `vite preview` with the fake API in the page's service worker.
 * Debian's Chromium is used when installed (no browser download here); elsewhere Playwright's own.
 */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const DEMO_PORT = 4173;

const launchOptions = {
  ...(existsSync(SYSTEM_CHROMIUM) && !process.env.PW_BUNDLED_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'demo',
      testIgnore: /http\..*\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${DEMO_PORT} --strictPort`,
      url: `http://127.0.0.1:${DEMO_PORT}/app-config.js`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: { API_UPSTREAM: '' },
    },
  ],
});
