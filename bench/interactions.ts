/**
 * The interactions measured on a loaded secrets page: a keystroke in search, revealing one value
 * and every value, and scrolling top to bottom. Each leaves the page as it found it.
 */
import type { Page, Request } from '@playwright/test';
import type { RunResult, RunSetup } from './metrics.ts';
import { cssString, FIRST_REVEALABLE_KEY, FIRST_ROW_SELECTOR, scrollScript } from './page-scripts.ts';
import { percentile } from './stats.ts';
import { describePage, idle, step, StepError, waitPainted } from './steps.ts';

interface Watch {
  click: number | null;
  seen: number | null;
  painted: number | null;
}

async function readWatch(page: Page, name: string): Promise<Watch> {
  return (await page.evaluate(`window.__bench.watches[${JSON.stringify(name)}]`)) as Watch;
}

export async function measureFilter(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
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

export async function measureReveal(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
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

export async function measureScroll(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
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
