import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium when installed (no browser download here); elsewhere Playwright's own. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

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

export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  const system = existsSync(SYSTEM_CHROMIUM) && !process.env.PW_BUNDLED_CHROMIUM;
  return { ...(system ? { executablePath: SYSTEM_CHROMIUM } : {}), args: [...CHROMIUM_ARGS, ...extraArgs] };
}
