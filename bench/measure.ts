/**
 * One benchmark run: three cold loads, each in a fresh browser context — the floor page, the
 * secrets page with a click on its first row's Reveal every frame (when its rows answer input, and
 * what it downloaded until then), and the secrets page on its own (first rows painted, then
 * search, reveal, reveal all and scroll); then, in a fourth, typing into the set-value dialog
 * holding 1 MiB (big-value.ts), and in a fifth, typing into the ⌘K palette (palette.ts); then the
 * overview's floor and the overview (overview.ts), and a copy between environments (copy.ts).
 * With --only, the loads and interactions of no wanted metric are skipped.
 * Every step has a deadline and a message that says what was expected; a failed step costs only the
 * metrics that depend on it.
 */
import type { Page, Request } from '@playwright/test';
import { largest, scriptOrStyleFile, sizeFiles } from './assets.ts';
import { measureBigValue } from './big-value.ts';
import { measureCopy } from './copy.ts';
import { measureImport } from './import.ts';
import { measureFilter, measureReveal, measureScroll } from './interactions.ts';
import { wanted, type MetricKey, type RunResult, type RunSetup } from './metrics.ts';
import { measureFloorPage } from './floor.ts';
import { measureOverview, measureOverviewFloor } from './overview.ts';
import { measurePalette } from './palette.ts';
import { FIRST_ROW_SELECTOR, requestStartScript } from './page-scripts.ts';
import { describePage, idle, message, newContext, step, StepError, waitPainted, newWatchedPage } from './steps.ts';

/** The physical floor: a bare page that fetches, parses and draws 50 rows. */
function measureFloor(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  return measureFloorPage(setup, result, warm, { path: setup.floorPath, metric: 'floorMs', label: 'floor', loads: 'secrets in the rendered response', timeoutMs: 30_000 });
}

/** The request a Reveal sends: the rendered secrets in Full mode (clear values). */
function isFullRequest(request: Request): boolean {
  const url = new URL(request.url());
  return url.pathname.endsWith('/secrets/rendered') && url.searchParams.get('mode') === 'Full';
}

interface RevealBot {
  clicks: number;
  firstClick: number | null;
  lastClick: number | null;
  shown: number | null;
}

const withPageErrors = (error: unknown, pageErrors: readonly string[]) =>
  new Error(`${message(error)}${pageErrors.length > 0 ? `\npage errors: ${pageErrors.join(' | ')}` : ''}`);

/**
 * A direct load of the secrets page while the init script clicks the first row's Reveal every
 * animation frame: `interactiveRowsMs` is when the app sends the Full request for it (ms after
 * navigation start), `envPageJsGzipKB` the scripts and stylesheets requested before that.
 */
async function measureInteractive(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests, { clickReveal: true });
  try {
    const { page, pageErrors } = await newWatchedPage(context);
    // Request events arrive in the order the page sent them: the files before the Full request.
    const files: string[] = [];
    let filesUntilFull: string[] | null = null;
    page.on('request', (request) => {
      if (filesUntilFull !== null) return;
      if (isFullRequest(request)) filesUntilFull = [...files];
      else {
        const file = scriptOrStyleFile(request, setup.baseUrl);
        if (file !== null) files.push(file);
      }
    });
    const timeoutMs = 60_000 * s;
    const fullRequest = page.waitForRequest(isFullRequest, { timeout: timeoutMs });
    fullRequest.catch(() => undefined); // awaited below, unless the navigation fails first

    await step('interactive: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.appPath, { waitUntil: 'commit' }));
    const request = await step("interactive: a click on the first row's Reveal sending the Full request", timeoutMs, async () => {
      try {
        return await fullRequest;
      } catch (error) {
        const bot = await page.evaluate('window.__bench.revealBot').catch(() => null);
        throw withPageErrors(new Error(`no …/secrets/rendered?…mode=Full… request (${message(error).split('\n')[0]}); clicks: ${JSON.stringify(bot)}. Page: ${await describePage(page)}`), pageErrors);
      }
    });
    await page.evaluate('window.__bench.revealBot.stop = true');
    const bot = (await page.evaluate('window.__bench.revealBot')) as RevealBot;
    if (bot.clicks === 0) throw new StepError('interactive', `the page sent ${request.url()} before any click on Reveal`);

    // When, on the page's clock: the request's Resource Timing entry (there once the response is
    // in), else Playwright's start time of the request (known once its response arrives) against
    // the page's time origin.
    const url = request.url();
    await step('interactive: the Full response', 15_000 * s, () => request.response());
    const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
    const wallMs = request.timing().startTime > 0 ? request.timing().startTime - timeOrigin : null;
    let pageMs: number | null = null;
    try {
      await waitPainted(page, `${requestStartScript(url)} !== null`, 10_000 * s, 'the Full request in Resource Timing');
      pageMs = (await page.evaluate(requestStartScript(url))) as number;
    } catch (error) {
      result.notes.push(`interactive: ${message(error).split('\n')[0]}; using the request's own start time`);
    }
    const at = pageMs ?? wallMs;
    if (at === null) throw new StepError('interactive', `no start time for ${url} (neither in Resource Timing nor in the request's timing: cancelled?)`);
    result.metrics.interactiveRowsMs = at;
    const firstRow = (await page.evaluate('window.__bench.firstRow')) as number | null;
    if (warm || pageMs === null || wallMs === null || Math.abs(pageMs - wallMs) > 20) {
      result.notes.push(
        `interactive: Full request at ${at.toFixed(0)} ms (Resource Timing ${pageMs?.toFixed(1) ?? '–'}, request timing ${wallMs?.toFixed(1) ?? '–'}); ` +
          `${bot.clicks} click(s), first at ${bot.firstClick?.toFixed(0) ?? '–'} ms; this load's first row painted at ${firstRow?.toFixed(0) ?? '–'} ms`,
      );
    }

    const sized = sizeFiles(setup.distDir, filesUntilFull ?? files);
    result.metrics.envPageJsGzipKB = sized.bytes / 1024;
    if (sized.missing.length > 0) result.notes.push(`downloaded but not in ${setup.distDir} (stale build?): ${sized.missing.join(', ')}`);
    if (warm) result.notes.push(`until interactive the secrets page requested ${sized.files.length} JS/CSS files; largest (KB gz): ${largest(sized, 6)}`);
    if (pageErrors.length > 0) result.notes.push(`page errors (interactive load): ${pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function measureHeap(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  await step('heap: collect garbage and read JSHeapUsedSize', 30_000 * setup.timeoutScale, async () => {
    const cdp = await page.context().newCDPSession(page);
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
}

/** The secrets page: cold load to its first rows painted, then the interactions. */
async function measureApp(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  try {
    const { page, pageErrors } = await newWatchedPage(context);

    await step('secrets page: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.appPath, { waitUntil: 'commit' }));
    await step('secrets page: first row painted', 45_000 * s, () =>
      waitPainted(page, 'window.__bench && window.__bench.firstRow !== null', 45_000 * s, `the first row ${FIRST_ROW_SELECTOR} appearing on ${setup.appPath}`).catch((error: unknown) => {
        throw withPageErrors(error, pageErrors);
      }),
    );
    result.metrics.firstRowsMs = (await page.evaluate('window.__bench.firstRow')) as number;
    await step(`secrets page: table "${setup.tableName}"`, 15_000 * s, () =>
      page.getByRole('table', { name: setup.tableName }).waitFor({ state: 'visible', timeout: 15_000 * s }),
    );
    await idle(page, 500);

    result.metrics.domRows = (await page.evaluate("document.querySelectorAll('[role=row]').length")) as number;
    if (wanted(setup, 'heapMB')) await measureHeap(page, setup, result);

    // Interactions: a failure in one costs only its own metrics.
    for (const [name, fn, keys] of [
      ['filter', measureFilter, ['filterMs']],
      ['reveal', measureReveal, ['revealMs', 'revealRequests', 'revealAllMs']],
      ['scroll', measureScroll, ['scrollFrameMs']],
    ] as const) {
      if (warm && name === 'scroll') continue; // the slowest step; its warm-up is the filter and reveal
      if (!wanted(setup, ...keys)) continue;
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
  const loads: [(setup: RunSetup, result: RunResult, warm: boolean) => Promise<void>, MetricKey[]][] = [
    [measureFloor, ['floorMs']],
    [measureInteractive, ['interactiveRowsMs', 'envPageJsGzipKB']],
    [measureApp, ['firstRowsMs', 'domRows', 'heapMB', 'filterMs', 'revealMs', 'revealRequests', 'revealAllMs', 'scrollFrameMs']],
    [measureBigValue, ['bigValueInputMs']],
    [measurePalette, ['paletteKeystrokeMs']],
    [measureOverviewFloor, ['overviewFloorMs']],
    [measureOverview, ['overviewInteractiveMs', 'overviewScrollFrameMs', 'compareMs']],
    [measureCopy, ['copyKeysPerSecond', 'copyKeysPerSecondSequential']],
    [measureImport, ['importKeysPerSecond', 'importKeysPerSecondSequential']],
  ];
  // How long each load took (the whole bench must stay under 10 minutes).
  const took: string[] = [];
  for (const [load, keys] of loads) {
    if (!wanted(setup, ...keys)) continue;
    // ~11 s, ~25 s and ~8 s, and a fresh context each run anyway: the warm-up warms nothing they use.
    if (warm && (load === measureCopy || load === measureImport || load === measurePalette)) continue;
    const started = Date.now();
    try {
      await load(setup, result, warm);
    } catch (error) {
      result.errors.push(message(error));
    }
    took.push(`${load.name.replace(/^measure/, '')} ${((Date.now() - started) / 1000).toFixed(1)}`);
  }
  result.notes.push(`loads (s): ${took.join(', ')}`);
  return result;
}
