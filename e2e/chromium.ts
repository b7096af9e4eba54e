import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium when installed (no browser download here); elsewhere Playwright's own. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
/** Debian's headless-only build of the same Chromium: no browser UI to run, so lighter per page. */
export const SYSTEM_HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';

/** Flags for a sandbox with a closed network: no background traffic, no GPU, no first-run UI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(extraArgs: readonly string[] = [], { headlessShell = false } = {}): LaunchOptions {
  const bundled = Boolean(process.env.PW_BUNDLED_CHROMIUM);
  const executablePath = [...(headlessShell ? [SYSTEM_HEADLESS_SHELL] : []), SYSTEM_CHROMIUM].find((path) => !bundled && existsSync(path));
  return { ...(executablePath ? { executablePath } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] };
}
