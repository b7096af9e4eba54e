/**
 * The app's overview (`/apps/:appId`, one column per environment) at the bench's size:
 * - `overviewFloorMs`: a bare page fetching every environment's masked list through the same proxy
 *   and writing 50 rows × one cell per environment (overview-floor.html);
 * - `overviewInteractiveMs`: a cold load until it is usable — as soon as the first row holds every
 *   environment's value and is painted, the bench types a search (overview-scripts.ts); the metric is
 *   when the filtered rows are painted, in ms after navigation start;
 * - `overviewScrollFrameMs`: p95 frame while scrolling the table's own box down, `--scroll-step` px a frame, for 6 s;
 * - `compareMs`: a click on "Compare values" until the status says every environment was compared.
 */
import type { Page } from '@playwright/test';
import { measureFloorPage } from './floor.ts';
import { wanted, type RunResult, type RunSetup } from './metrics.ts';
import { overviewBotScript, requestTimelineScript, scrollBoxScript, STATUS_WATCH, tableSelector } from './overview-scripts.ts';
import { percentile } from './stats.ts';
import { describePage, idle, message, newContext, step, StepError, waitPainted, newWatchedPage } from './steps.ts';

/** Typed into search once the rows are complete: a few hundred of the 10,000 generated keys match. */
const SEARCH = 'REGION_2';
/** The overview's scroll stops after this long (or --scroll-seconds, if shorter): ~360 frames; the whole box would take ~18 s at 400 px a frame. */
const SCROLL_SECONDS = 6;

export function measureOverviewFloor(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  return measureFloorPage(setup, result, warm, { path: setup.overviewFloorPath, metric: 'overviewFloorMs', label: 'overview floor', loads: `secrets in ${setup.envs} masked lists`, timeoutMs: 60_000 });
}

interface OverviewBot {
  complete: number | null;
  completePainted: number | null;
  typed: number | null;
  rowsBefore: string | null;
  rowsAfter: string | null;
  filteredPainted: number | null;
  error: string | null;
}

async function measureInteractive(page: Page, setup: RunSetup, result: RunResult, pageErrors: readonly string[]): Promise<OverviewBot> {
  const s = setup.timeoutScale;
  await step('overview: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.overviewPath, { waitUntil: 'commit' }));
  await step(`overview: every column in the first row, then '${SEARCH}' typed and its rows painted`, 90_000 * s, () =>
    waitPainted(page, 'window.__bench.overviewBot.filteredPainted !== null || window.__bench.overviewBot.error !== null', 90_000 * s, `the overview's rows complete and filtered by '${SEARCH}'`).catch(
      async (error: unknown) => {
        const bot = await page.evaluate('window.__bench.overviewBot').catch(() => null);
        throw new Error(`${message(error).split('\n')[0]}; bot: ${JSON.stringify(bot)}${pageErrors.length > 0 ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
      },
    ),
  );
  const bot = (await page.evaluate('window.__bench.overviewBot')) as OverviewBot;
  if (bot.error !== null || bot.filteredPainted === null) throw new StepError('overview: interactive', `${bot.error ?? 'no filtered rows'}. Page: ${await describePage(page)}`);
  result.metrics.overviewInteractiveMs = bot.filteredPainted;
  result.notes.push(
    `overview: every column in the first row painted at ${bot.completePainted?.toFixed(0) ?? '–'} ms; '${SEARCH}' typed then, ` +
      `its ${Number(bot.rowsAfter) - 1} of ${Number(bot.rowsBefore) - 1} rows painted ${(bot.filteredPainted - (bot.typed ?? 0)).toFixed(0)} ms later`,
  );
  return bot;
}

async function measureScroll(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  const maxMs = Math.min(SCROLL_SECONDS, setup.scrollSeconds) * 1000;
  // Chromium's own counters (seconds of main-thread work since the page opened), before and after.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const counters = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await counters();
  const scroll = (await step('overview scroll: the table box, top down', maxMs + 15_000 * s, () =>
    page.evaluate(scrollBoxScript(tableSelector(setup.overviewTableName), setup.scrollStep, maxMs)),
  )) as { deltas: number[]; reachedBottom: boolean; scrollTop: number; scrollHeight: number; rows: number };
  const after = await counters();
  await cdp.detach().catch(() => undefined);
  const perFrame = (name: string) => ((((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / Math.max(1, scroll.deltas.length)).toFixed(1);
  const p95 = percentile(scroll.deltas, 95);
  if (p95 === null) throw new StepError('overview scroll', 'no frames were recorded');
  result.metrics.overviewScrollFrameMs = p95;
  result.notes.push(
    `overview scroll: ${scroll.deltas.length} frames to ${scroll.scrollTop} of ${scroll.scrollHeight} px${scroll.reachedBottom ? ' (the bottom)' : ` (stopped after ${maxMs / 1000} s)`}, ` +
      `p95 ${p95.toFixed(1)} ms, max ${Math.max(...scroll.deltas).toFixed(1)} ms, ${scroll.rows} rows in the DOM at the end; ` +
      `main thread per frame (ms): script ${perFrame('ScriptDuration')}, style ${perFrame('RecalcStyleDuration')}, layout ${perFrame('LayoutDuration')}, all tasks ${perFrame('TaskDuration')}`,
  );
  await page.evaluate(`document.querySelector(${JSON.stringify(tableSelector(setup.overviewTableName))}).scrollTop = 0`);
  await idle(page, 100);
}

async function measureCompare(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  const button = page.getByRole('button', { name: 'Compare values', exact: true });
  await step('compare: the "Compare values" button', 10_000 * s, () => button.waitFor({ state: 'visible', timeout: 10_000 * s }));
  await page.evaluate(`window.__bench.watchStatus('compare', '^Compared ')`);
  await step('compare: click "Compare values"', 15_000 * s, () => button.click({ timeout: 10_000 * s }));
  await step('compare: a status "Compared …"', 180_000 * s, () =>
    waitPainted(page, 'window.__bench.statusWatches.compare.painted !== null', 180_000 * s, 'a role=status text starting "Compared "'),
  );
  const watch = (await page.evaluate('window.__bench.statusWatches.compare')) as { click: number | null; painted: number; text: string };
  if (watch.click === null) throw new StepError('compare', 'the click on "Compare values" was not seen in the page');
  if (!watch.text.startsWith(`Compared ${setup.envs} environments`)) throw new StepError('compare', `the status says ${JSON.stringify(watch.text)}; expected "Compared ${setup.envs} environments…"`);
  result.metrics.compareMs = watch.painted - watch.click;
  const { others } = (await page.evaluate(requestTimelineScript(watch.click, watch.painted))) as { others: { query: string; start: number; end: number }[] };
  const reads = others.filter((o) => o.query.includes('mode=Full'));
  const span = reads.length > 0 ? `from ${Math.min(...reads.map((r) => r.start)).toFixed(0)} to ${Math.max(...reads.map((r) => r.end)).toFixed(0)} ms after the click` : '';
  result.notes.push(`compare: ${JSON.stringify(watch.text)}; ${reads.length} Full reads ${span}, status painted at ${result.metrics.compareMs.toFixed(0)} ms`);
}

/** A cold load of the overview: interactive, then (search cleared) the scroll and the comparison. */
export async function measureOverview(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  await context.addInitScript({ content: overviewBotScript(setup.overviewTableName, setup.envs, SEARCH) });
  await context.addInitScript({ content: STATUS_WATCH });
  try {
    const { page, pageErrors } = await newWatchedPage(context);
    const bot = await measureInteractive(page, setup, result, pageErrors);

    const search = page.getByRole('searchbox', { name: 'Search keys' });
    await step('overview: clear the search', 20_000 * s, async () => {
      await search.fill('', { timeout: 10_000 * s });
      const table = JSON.stringify(tableSelector(setup.overviewTableName));
      await waitPainted(page, `document.querySelector(${table})?.getAttribute('aria-rowcount') === ${JSON.stringify(bot.rowsBefore)}`, 15_000 * s, 'every row back after clearing the search');
      await idle(page, 200);
    });
    for (const [fn, key] of [
      [measureScroll, 'overviewScrollFrameMs'],
      [measureCompare, 'compareMs'],
    ] as const) {
      if (warm && key === 'overviewScrollFrameMs') continue; // as on the secrets page: the slowest step, not warmed up
      if (!wanted(setup, key)) continue;
      try {
        await fn(page, setup, result);
      } catch (error) {
        result.errors.push(message(error));
      }
    }
    if (pageErrors.length > 0) result.notes.push(`page errors (overview): ${pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await context.close().catch(() => undefined);
  }
}
