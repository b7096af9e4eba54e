/**
 * One benchmark run: a cold load of the floor page and of the secrets page (each in a fresh browser
 * context), then search, reveal, reveal all and scroll on the loaded secrets page.
 * Every step has a deadline and a message that says what was expected; a failed step costs only the
 * metrics that depend on it.
 */
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import { cssString, FIRST_REVEALABLE_KEY, FIRST_ROW_SELECTOR, initScript, PAGE_SUMMARY, scrollScript } from './page-scripts.ts';
import { gzipBytes, percentile } from './stats.ts';

export const METRIC_KEYS = [
  'initialJsGzipKB',
  'envPageJsGzipKB',
  'firstRowsMs',
  'floorMs',
  'filterMs',
  'revealMs',
  'revealRequests',
  'revealAllMs',
  'scrollFrameMs',
  'domRows',
  'heapMB',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export type Metrics = Partial<Record<MetricKey, number>>;

export interface RunSetup {
  browser: Browser;
  /** e.g. http://127.0.0.1:41234 (vite preview) */
  baseUrl: string;
  distDir: string;
  /** Files the first page loads (measureFirstPage), relative to distDir. */
  firstPageFiles: readonly string[];
  appPath: string;
  tableName: string;
  floorPath: string;
  sessionKey: string;
  sessionJson: string;
  filterChars: readonly string[];
  scrollStep: number;
  /** The scroll stops after this long even if the bottom is not reached (bounds the run time). */
  scrollSeconds: number;
  /** Multiplies every step deadline (slow machines). */
  timeoutScale: number;
  log: (line: string) => void;
}

export interface RunResult {
  metrics: Metrics;
  errors: string[];
  notes: string[];
  /** Requests that left 127.0.0.1 (should be none). */
  foreignRequests: string[];
}

export class StepError extends Error {
  constructor(step: string, detail: string) {
    super(`${step}: ${detail}`);
    this.name = 'StepError';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
}

/**
 * Runs `fn` with a deadline. The Playwright calls inside use `timeoutMs` themselves and fail with a
 * precise message; the hard stop comes 10 s later, for calls that have no timeout of their own.
 */
async function step<T>(label: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
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

async function newContext(setup: RunSetup, foreign: string[]): Promise<BrowserContext> {
  const context = await setup.browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  await context.addInitScript({ content: initScript(setup.sessionKey, setup.sessionJson) });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  return context;
}

async function describePage(page: Page): Promise<string> {
  try {
    return JSON.stringify(await page.evaluate(PAGE_SUMMARY));
  } catch (error) {
    return `(could not read the page: ${message(error)})`;
  }
}

async function waitPainted(page: Page, expression: string, timeoutMs: number, what: string): Promise<void> {
  try {
    await page.waitForFunction(expression, undefined, { timeout: timeoutMs, polling: 50 });
  } catch (error) {
    throw new Error(`${what} did not happen within ${timeoutMs / 1000} s (${message(error).split('\n')[0]}). Page: ${await describePage(page)}`, { cause: error });
  }
}

const idle = (page: Page, ms = 100) => page.evaluate(`window.__bench.idle(${ms})`);

/** The physical floor: a bare page that fetches, parses and draws 50 rows. */
async function measureFloor(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  try {
    const page = await context.newPage();
    await step('floor: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.floorPath, { waitUntil: 'commit' }));
    await step('floor: first row painted', 30_000 * s, () =>
      waitPainted(page, 'window.__floorError !== undefined || (window.__bench && window.__bench.firstRow !== null)', 30_000 * s, 'the floor page drawing its rows'),
    );
    const floor = (await page.evaluate('({ t: window.__bench.firstRow, error: window.__floorError ?? null, count: window.__floorCount ?? null })')) as {
      t: number | null;
      error: string | null;
      count: number | null;
    };
    if (floor.error || floor.t === null) throw new StepError('floor', `the floor page could not load the secrets: ${floor.error}`);
    result.metrics.floorMs = floor.t;
    if (warm) result.notes.push(`floor page: ${floor.count} secrets in the rendered response`);
  } finally {
    await context.close().catch(() => undefined);
  }
}

interface Watch {
  click: number | null;
  seen: number | null;
  painted: number | null;
}

async function readWatch(page: Page, name: string): Promise<Watch> {
  return (await page.evaluate(`window.__bench.watches[${JSON.stringify(name)}]`)) as Watch;
}

async function measureFilter(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await step('filter: find the search box', 10_000 * s, () => search.waitFor({ state: 'visible', timeout: 10_000 * s }));
  const perChar: string[] = [];
  let worst = 0;
  for (const char of setup.filterChars) {
    await step(`filter: clear the search box before '${char}'`, 15_000 * s, async () => {
      await search.fill('', { timeout: 10_000 * s });
      await waitPainted(page, `!!document.querySelector(${JSON.stringify(FIRST_ROW_SELECTOR)})`, 10_000 * s, 'the rows coming back after clearing the search');
      await idle(page, 150);
      await page.evaluate('window.__bench.events.length = 0; window.__bench.inputs.length = 0;');
    });
    const { events, inputs } = await step(`filter: type '${char}'`, 20_000 * s, async () => {
      await page.keyboard.press(char);
      await idle(page, 200);
      await page.waitForTimeout(100); // Event Timing entries are delivered after the paint
      const value = await search.inputValue({ timeout: 5_000 * s });
      if (value !== char) throw new Error(`the search box holds ${JSON.stringify(value)} after pressing '${char}' (focus lost?)`);
      return (await page.evaluate('({ events: window.__bench.events.slice(), inputs: window.__bench.inputs.slice() })')) as {
        events: { name: string; duration: number }[];
        inputs: number[];
      };
    });
    const keyEvents = events.filter((e) => ['keydown', 'keypress', 'input', 'keyup', 'beforeinput'].includes(e.name));
    // Event Timing reports only ≥ 16 ms; below that, the input-to-next-paint time measured in the page.
    const value = keyEvents.length > 0 ? Math.max(...keyEvents.map((e) => e.duration)) : inputs.length > 0 ? Math.max(...inputs) : null;
    if (value === null) throw new StepError(`filter: type '${char}'`, 'no input event was observed');
    perChar.push(`${char}=${value.toFixed(0)}${keyEvents.length > 0 ? '' : '*'}`);
    worst = Math.max(worst, value);
  }
  await step('filter: clear the search box', 15_000 * s, async () => {
    await search.fill('', { timeout: 10_000 * s });
    await waitPainted(page, `!!document.querySelector(${JSON.stringify(FIRST_ROW_SELECTOR)})`, 10_000 * s, 'the rows coming back after clearing the search');
    await idle(page, 150);
  });
  result.metrics.filterMs = worst;
  result.notes.push(`filter per key (ms; * = below the Event Timing threshold, input→paint): ${perChar.join(' ')}`);
}

async function measureReveal(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  await page.evaluate('window.scrollTo(0, 0)');
  await idle(page, 100);
  const key = (await step('reveal: pick the first row with a value', 10_000 * s, () => page.evaluate(FIRST_REVEALABLE_KEY))) as string | null;
  if (!key) throw new StepError('reveal', `no row with a "Reveal <KEY>" button and a value. Page: ${await describePage(page)}`);
  const valueSelector = `[aria-label=${cssString(`Value of ${key}`)}]`;

  // One value.
  const apiRequests: string[] = [];
  let counting = false;
  const onRequest = (request: Request) => {
    if (counting && new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${request.url()}`);
  };
  page.on('request', onRequest);
  try {
    await page.evaluate(`window.__bench.watch('reveal', ${JSON.stringify(valueSelector)})`);
    counting = true;
    await step(`reveal: click "Reveal ${key}"`, 15_000 * s, () => page.getByRole('button', { name: `Reveal ${key}`, exact: true }).click({ timeout: 10_000 * s }));
    await step(`reveal: wait for ${valueSelector}`, 15_000 * s, () =>
      waitPainted(page, "window.__bench.watches.reveal.painted !== null", 15_000 * s, `the element ${valueSelector} appearing`),
    );
    await page.waitForTimeout(300);
    counting = false;
  } finally {
    page.off('request', onRequest);
  }
  const reveal = await readWatch(page, 'reveal');
  if (reveal.click === null || reveal.painted === null) throw new StepError('reveal', `the click or the value was not seen in the page (${JSON.stringify(reveal)})`);
  result.metrics.revealMs = reveal.painted - reveal.click;
  result.metrics.revealRequests = apiRequests.length;
  if (apiRequests.length !== 1) result.notes.push(`reveal of ${key} made ${apiRequests.length} API requests: ${apiRequests.join(' | ')}`);

  await step(`reveal: click "Hide ${key}"`, 15_000 * s, async () => {
    await page.getByRole('button', { name: `Hide ${key}`, exact: true }).click({ timeout: 10_000 * s });
    await waitPainted(page, `!document.querySelector(${JSON.stringify(valueSelector)})`, 10_000 * s, `${valueSelector} going away after "Hide ${key}"`);
    await idle(page, 100);
  });

  // Every value.
  await page.evaluate(`window.__bench.watch('revealAll', ${JSON.stringify(valueSelector)})`);
  await step('reveal all: click "Reveal all"', 15_000 * s, () => page.getByRole('button', { name: 'Reveal all', exact: true }).click({ timeout: 10_000 * s }));
  await step(`reveal all: wait for ${valueSelector}`, 30_000 * s, () =>
    waitPainted(page, "window.__bench.watches.revealAll.painted !== null", 30_000 * s, `the element ${valueSelector} appearing after "Reveal all"`),
  );
  const all = await readWatch(page, 'revealAll');
  if (all.click === null || all.painted === null) throw new StepError('reveal all', `the click or the value was not seen in the page (${JSON.stringify(all)})`);
  result.metrics.revealAllMs = all.painted - all.click;

  await step('reveal all: click "Hide all"', 30_000 * s, async () => {
    await page.getByRole('button', { name: /Hide all/ }).click({ timeout: 10_000 * s });
    await waitPainted(page, `!document.querySelector('[aria-label^="Value of "]')`, 20_000 * s, 'every value going away after "Hide all"');
    await idle(page, 100);
  });
}

async function measureScroll(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  const maxMs = setup.scrollSeconds * 1000;
  const scroll = (await step('scroll: top to bottom', maxMs + 15_000 * s, () => page.evaluate(scrollScript(setup.scrollStep, maxMs)))) as {
    deltas: number[];
    reachedBottom: boolean;
    scrollY: number;
    scrollHeight: number;
  };
  const p95 = percentile(scroll.deltas, 95);
  if (p95 === null) throw new StepError('scroll', 'no frames were recorded');
  result.metrics.scrollFrameMs = p95;
  result.notes.push(`scroll: ${scroll.deltas.length} frames over ${scroll.scrollHeight} px, p95 ${p95.toFixed(1)} ms, max ${Math.max(...scroll.deltas).toFixed(1)} ms`);
  if (!scroll.reachedBottom) {
    result.notes.push(`scroll stopped at ${scroll.scrollY} of ${scroll.scrollHeight} px after ${setup.scrollSeconds} s (--scroll-seconds): p95 is over the frames scrolled`);
  }
  await page.evaluate('window.scrollTo(0, 0)');
}

/** The secrets page: cold load, then the interactions. */
async function measureApp(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  const assets = new Set<string>();
  context.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith('/assets/') && /\.(js|css)$/.test(pathname)) assets.add(pathname.slice(1));
  });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // Cold load → first rows painted.
    await step('secrets page: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.appPath, { waitUntil: 'commit' }));
    await step('secrets page: first row painted', 45_000 * s, () =>
      waitPainted(page, 'window.__bench && window.__bench.firstRow !== null', 45_000 * s, `the first row ${FIRST_ROW_SELECTOR} appearing on ${setup.appPath}`).catch((error: unknown) => {
        throw new Error(`${message(error)}${pageErrors.length > 0 ? `\npage errors: ${pageErrors.join(' | ')}` : ''}`);
      }),
    );
    result.metrics.firstRowsMs = (await page.evaluate('window.__bench.firstRow')) as number;
    await step('secrets page: rows rendered by React', 30_000 * s, () =>
      waitPainted(page, 'window.__bench.reactRows !== null', 30_000 * s, 'React rendering the rows (replacing the first paint)'),
    );
    const reactRows = (await page.evaluate('window.__bench.reactRows')) as number;
    if (reactRows > result.metrics.firstRowsMs + 1) result.notes.push(`rows drawn by the entry at ${result.metrics.firstRowsMs.toFixed(0)} ms; React's page (interactive) in their place at ${reactRows.toFixed(0)} ms`);
    await step(`secrets page: table "${setup.tableName}"`, 15_000 * s, () =>
      page.getByRole('table', { name: setup.tableName }).waitFor({ state: 'visible', timeout: 15_000 * s }),
    );
    await idle(page, 500);

    // What it took to show the page.
    const files = new Set([...setup.firstPageFiles, ...assets]);
    let bytes = 0;
    for (const file of files) {
      const size = gzipBytes(setup.distDir, file);
      if (size === null) result.notes.push(`downloaded ${file} is not in ${setup.distDir} (stale build?)`);
      else bytes += size;
    }
    result.metrics.envPageJsGzipKB = bytes / 1024;
    if (warm) {
      const largest = [...files]
        .map((file) => ({ file, size: gzipBytes(setup.distDir, file) ?? 0 }))
        .sort((a, b) => b.size - a.size)
        .slice(0, 6)
        .map((f) => `${f.file.replace(/^assets\//, '')} ${(f.size / 1024).toFixed(1)}`);
      result.notes.push(`secrets page loads ${files.size} JS/CSS files (${assets.size} downloaded); largest (KB gz): ${largest.join(', ')}`);
    }

    result.metrics.domRows = (await page.evaluate("document.querySelectorAll('[role=row]').length")) as number;
    await step('heap: collect garbage and read JSHeapUsedSize', 30_000 * s, async () => {
      const cdp = await context.newCDPSession(page);
      try {
        await cdp.send('HeapProfiler.enable');
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('Performance.enable');
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
        if (!used) throw new Error('no JSHeapUsedSize in Performance.getMetrics');
        result.metrics.heapMB = used.value / 2 ** 20;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    });

    // Interactions: a failure in one costs only its own metrics.
    for (const [name, fn] of [
      ['filter', measureFilter],
      ['reveal', measureReveal],
      ['scroll', measureScroll],
    ] as const) {
      if (warm && name === 'scroll') continue; // the slowest step; its warm-up is the filter and reveal
      try {
        await fn(page, setup, result);
      } catch (error) {
        result.errors.push(message(error));
      }
    }
    if (pageErrors.length > 0) result.notes.push(`page errors: ${pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await context.close().catch(() => undefined);
  }
}

export async function runOnce(setup: RunSetup, warm: boolean): Promise<RunResult> {
  const result: RunResult = { metrics: {}, errors: [], notes: [], foreignRequests: [] };
  try {
    await measureFloor(setup, result, warm);
  } catch (error) {
    result.errors.push(message(error));
  }
  try {
    await measureApp(setup, result, warm);
  } catch (error) {
    result.errors.push(message(error));
  }
  return result;
}
