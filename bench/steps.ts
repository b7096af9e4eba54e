/**
 * The machinery of a run's steps: a deadline and a message that says what was expected for each,
 * fresh browser contexts with the bench's init script, waiting for something to be painted, and
 * the fake's control routes.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { HEADERS, PATHS } from '../src/api/contract.ts';
import type { RunSetup } from './metrics.ts';
import { initScript, PAGE_SUMMARY, type InitOptions } from './page-scripts.ts';

export class StepError extends Error {
  constructor(step: string, detail: string) {
    super(`${step}: ${detail}`);
    this.name = 'StepError';
  }
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
}

/**
 * Runs `fn` with a deadline. The Playwright calls inside use `timeoutMs` themselves and fail with a
 * precise message; the hard stop comes 10 s later, for calls that have no timeout of their own.
 */
export async function step<T>(label: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hardMs = timeoutMs + 10_000;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new StepError(label, `timed out after ${(hardMs / 1000).toFixed(0)} s`)), hardMs);
      }),
    ]);
  } catch (error) {
    if (error instanceof StepError) throw error;
    throw new StepError(label, message(error));
  } finally {
    clearTimeout(timer);
  }
}

const VIEWPORT = { width: 1280, height: 720 };

/** A fresh context (cold cache) with the session and the bench's page helpers installed. */
/** A new page of `context` that keeps its uncaught errors (for the step that fails next). */
export async function newWatchedPage(context: BrowserContext): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { page, pageErrors };
}

export async function newContext(setup: RunSetup, foreign: string[], options: InitOptions = {}): Promise<BrowserContext> {
  const context = await setup.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  await context.addInitScript({ content: initScript(setup.sessionKey, setup.sessionJson, options) });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  return context;
}

export async function describePage(page: Page): Promise<string> {
  try {
    return JSON.stringify(await page.evaluate(PAGE_SUMMARY));
  } catch (error) {
    return `(could not read the page: ${message(error)})`;
  }
}

/** Waits until `expression` holds in the page; on timeout says what the page shows. */
export async function waitPainted(page: Page, expression: string, timeoutMs: number, what: string): Promise<void> {
  try {
    await page.waitForFunction(expression, undefined, { timeout: timeoutMs, polling: 50 });
  } catch (error) {
    throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (${message(error).split('\n')[0]}). Page: ${await describePage(page)}`, { cause: error });
  }
}

/** Resolves after `ms` and then an idle period of the page's main thread. */
export const idle = (page: Page, ms = 100) => page.evaluate(`window.__bench.idle(${ms})`);

/** Calls one of the fake's control routes (mocks/control-routes.ts). */
export async function fakeControl(setup: RunSetup, route: 'settings' | 'reset', body?: object): Promise<void> {
  const response = await fetch(`${setup.fakeUrl}${PATHS.fakeControl}/${route}`, {
    method: 'POST',
    headers: { [HEADERS.fakeControl]: '1', ...(body ? { [HEADERS.contentType]: 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000 * setup.timeoutScale),
  });
  if (!response.ok) throw new Error(`POST ${PATHS.fakeControl}/${route}: HTTP ${response.status} ${await response.text()}`);
}
