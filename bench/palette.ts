/**
 * `paletteKeystrokeMs`: typing into the ⌘K command palette ("Search everything") over the apps
 * listing (300 apps), the environments and the 10,000 keys of the current environment, INP-style.
 *
 * A cold load of `/apps` (its listing is then in the react-query cache), an in-app navigation to
 * the secrets page (history.pushState + popstate, which react-router handles: no reload, so the
 * cache stays), its rows painted, then Control+K: the palette's lazy chunk loads and its combobox
 * appears (the open is a note, not the metric). Then single keystrokes into the combobox (QUERY_KEYS:
 * a one-character query, which matches the most items, longer ones, and Backspaces). Each keystroke
 * is measured as big-value.ts does: the longest Event Timing entry of its key events (keydown …
 * keyup; reported from 16 ms), else the keydown's timeStamp to the paint after the last change of
 * the palette's listbox or status (page-scripts.ts's "painted"; keydown → next paint when nothing
 * changed). The metric is the worst keystroke.
 *
 * The notes also give, per keystroke, keydown → the paint after the listbox's last change (the
 * results seen, even when the palette defers their render past the key's own paint), how the worst
 * key event splits into input delay, processing (the app's listeners and the render they run) and
 * presentation (style, layout, paint), and the long animation frames (≥ 50 ms) during it.
 *
 * A check that the palette did something: the combobox holds the query typed, a query that matches
 * 10,000 keys has options, the first option that is not an action (actions are also found by
 * synonyms not shown) holds the query as a subsequence, and the results differ between queries.
 */
import type { Page, Request } from '@playwright/test';
import type { RunResult, RunSetup } from './metrics.ts';
import { describePage, idle, newContext, step, StepError, waitPainted, newWatchedPage } from './steps.ts';

const APPS_PATH = '/apps';
/** The apps listing on /apps (src/features/apps/components/apps-list.tsx): a link per app. */
const APPS_LINK = '[role=list][aria-label="Apps"] a[href], ul[aria-label="Apps"] a[href]';
const NAME = 'Search everything';
const COMBOBOX = '[role=dialog] [role=combobox]';

/**
 * The keys typed, in order: 'd' alone matches the most (every key of a vendor with a d, most
 * apps), 'data' the DATADOG_* keys, the Backspaces go back to wider queries, 'dapw' is a fuzzy
 * subsequence only (DATADOG_PUBLIC_PASSWORD, …).
 */
const QUERY_KEYS = ['d', 'a', 't', 'a', 'Backspace', 'Backspace', 'p', 'w'] as const;
/** Queries that must have options (10,000 keys hold them). */
const MUST_MATCH = new Set(['d', 'da', 'data']);

/** The query the combobox holds after each of QUERY_KEYS. */
function queriesOf(keys: readonly string[]): string[] {
  let query = '';
  return keys.map((key) => (query = key === 'Backspace' ? query.slice(0, -1) : query + key));
}

/** `query` as a subsequence of `text`, letters and digits only, case-insensitive. */
function fuzzyContains(text: string, query: string): boolean {
  const hay = text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const needle = query.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  let i = 0;
  for (const ch of hay) if (i < needle.length && ch === needle[i]) i++;
  return i === needle.length;
}

/**
 * Installed once the palette is open. For each keydown: its timeStamp, the time of the last change
 * in the dialog's listbox or status after it, and the paint after that change (or after the
 * keydown, when nothing changed); Event Timing entries of key events with their phases; long
 * animation frames with their script, render and style/layout parts.
 */
const KEY_WATCH = `(() => {
  const b = window.__bench;
  if (b.palette) return;
  const p = { keys: [], timing: [], loaf: [] };
  b.palette = p;
  addEventListener('keydown', (event) => {
    const k = { key: event.key, start: event.timeStamp, nextPaint: null, changed: null, changedPainted: null };
    p.keys.push(k);
    b.afterPaint((t) => { k.nextPaint = t; });
  }, true);
  const inResults = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    return !!el && !!el.closest('[role=dialog]') && !!el.closest('[role=listbox], [role=status]');
  };
  new MutationObserver((records) => {
    const k = p.keys[p.keys.length - 1];
    if (!k || !records.some((r) => inResults(r.target))) return;
    const t = performance.now();
    k.changed = t;
    b.afterPaint((painted) => { if (k.changed === t) k.changedPainted = painted; });
  }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  const KEY_EVENTS = ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (KEY_EVENTS.includes(e.name)) p.timing.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts || []).map((s) => ({ duration: s.duration, invoker: s.invoker || '', fn: s.sourceFunctionName || '', url: (s.sourceURL || '').split('/').pop() }));
        p.loaf.push({ startTime: e.startTime, duration: e.duration, renderStart: e.renderStart, styleAndLayoutStart: e.styleAndLayoutStart, blockingDuration: e.blockingDuration, scripts });
      }
    }).observe({ type: 'long-animation-frame' });
  } catch (e) {}
})()`;

const RESET = 'window.__bench.events.length = 0; window.__bench.palette.keys.length = 0; window.__bench.palette.timing.length = 0; window.__bench.palette.loaf.length = 0;';

interface KeyRecord {
  key: string;
  start: number;
  nextPaint: number | null;
  changed: number | null;
  changedPainted: number | null;
}
interface TimingEntry {
  name: string;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}
interface Loaf {
  startTime: number;
  duration: number;
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: { duration: number; invoker: string; fn: string; url: string }[];
}
interface PaletteState {
  value: string | null;
  focused: boolean;
  options: number;
  firstOption: string | null;
  firstFound: string | null;
  optionTexts: string;
  status: string | null;
  lastChangeAgo: number | null;
  events: { name: string; duration: number }[];
  keys: KeyRecord[];
  timing: TimingEntry[];
  loaf: Loaf[];
}

const READ = `(() => {
  const input = document.querySelector(${JSON.stringify(COMBOBOX)});
  const dialog = input ? input.closest('[role=dialog]') : null;
  const options = dialog ? [...dialog.querySelectorAll('[role=option]')] : [];
  const status = dialog ? dialog.querySelector('[role=status]') : null;
  const text = (el) => (el.textContent || '').replace(/\\s+/g, ' ').trim();
  const p = window.__bench.palette;
  const last = p.keys[p.keys.length - 1];
  return {
    value: input && 'value' in input ? input.value : null,
    focused: !!input && document.activeElement === input,
    options: options.length,
    firstOption: options.length > 0 ? text(options[0]) : null,
    // Actions are also found by synonyms that are not shown (Export by "download"): the first other option.
    firstFound: (() => { const o = options.find((el) => el.getAttribute('data-kind') !== 'action'); return o ? text(o) : null; })(),
    optionTexts: options.map(text).join('\\n'),
    status: status ? text(status) : null,
    lastChangeAgo: last && last.changed !== null ? performance.now() - last.changed : null,
    events: window.__bench.events.slice(),
    keys: p.keys.slice(),
    timing: p.timing.slice(),
    loaf: p.loaf.slice(),
  };
})()`;

/** One keystroke: the metric's figure, whether Event Timing reported it, and what explains it. */
interface Typed {
  key: string;
  query: string;
  ms: number;
  timed: boolean;
  /** keydown → the paint after the listbox's/status's last change (null: no change seen). */
  resultsMs: number | null;
  /** The worst key event's phases (ms): input delay, processing, presentation delay. */
  phases: { name: string; delay: number; processing: number; presentation: number } | null;
  loaf: string | null;
  state: PaletteState;
}

const f0 = (n: number) => n.toFixed(0);

/** The long animation frames in [from, to], each as "total (tasks, rAF/observers, style+layout+paint; top scripts)". */
function describeLoaf(loaf: readonly Loaf[], from: number, to: number): string | null {
  const frames = loaf.filter((l) => l.startTime + l.duration >= from && l.startTime <= to);
  if (frames.length === 0) return null;
  return frames
    .map((l) => {
      const end = l.startTime + l.duration;
      const render = l.renderStart > 0 ? l.renderStart : end;
      const layout = l.styleAndLayoutStart > 0 ? l.styleAndLayoutStart : end;
      const scripts = [...l.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 2)
        .map((s) => `${s.invoker || s.fn || '?'} ${f0(s.duration)}`)
        .join(', ');
      return `${f0(l.duration)} (tasks ${f0(render - l.startTime)}, rAF ${f0(layout - render)}, style/layout ${f0(end - layout)}${scripts ? `; ${scripts}` : ''})`;
    })
    .join(' + ');
}

async function typeOne(page: Page, setup: RunSetup, key: string, query: string): Promise<Typed> {
  const s = setup.timeoutScale;
  const label = `palette: type '${key}' (query '${query}')`;
  return step(label, 60_000 * s, async () => {
    await page.evaluate(RESET);
    await page.keyboard.press(key);
    await idle(page, 200);
    await page.waitForTimeout(100); // Event Timing entries are delivered after the paint
    // A palette that debounces or defers its results: wait until they have stopped changing.
    await waitPainted(
      page,
      `(() => { const p = window.__bench.palette; const k = p.keys[p.keys.length - 1]; return !!k && k.nextPaint !== null && (k.changed === null || (k.changedPainted !== null && performance.now() - k.changed > 250)); })()`,
      20_000 * s,
      `the palette's results settling after '${key}'`,
    );
    const state = (await page.evaluate(READ)) as PaletteState;
    if (state.value !== query) {
      throw new Error(`the combobox holds ${JSON.stringify(state.value)} after '${key}', expected ${JSON.stringify(query)} (focus ${state.focused ? 'in' : 'not in'} it)`);
    }
    const down = state.keys.find((k) => k.key === key);
    if (!down) throw new Error(`no keydown of '${key}' was observed`);
    const resultsMs = down.changed !== null && down.changedPainted !== null ? down.changedPainted - down.start : null;
    const keyEntries = state.timing.length > 0 ? state.timing : state.events.filter((e) => ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(e.name)).map((e) => ({ ...e, startTime: 0, processingStart: 0, processingEnd: 0 }));
    // The longest; among equally long ones (keydown and input end at the same paint), the one whose listeners did the work.
    const processing = (e: TimingEntry) => e.processingEnd - e.processingStart;
    const worstEntry = keyEntries.length > 0 ? keyEntries.reduce((a, b) => (b.duration > a.duration || (b.duration === a.duration && processing(b) > processing(a)) ? b : a)) : null;
    const phases =
      worstEntry && worstEntry.processingEnd > 0
        ? {
            name: worstEntry.name,
            delay: worstEntry.processingStart - worstEntry.startTime,
            processing: worstEntry.processingEnd - worstEntry.processingStart,
            presentation: worstEntry.startTime + worstEntry.duration - worstEntry.processingEnd,
          }
        : null;
    const until = Math.max(down.changedPainted ?? 0, down.nextPaint ?? 0, worstEntry ? worstEntry.startTime + worstEntry.duration : 0);
    const loaf = describeLoaf(state.loaf, down.start, until);
    if (worstEntry) return { key, query, ms: worstEntry.duration, timed: true, resultsMs, phases, loaf, state };
    const fallback = resultsMs ?? (down.nextPaint !== null ? down.nextPaint - down.start : null);
    if (fallback === null) throw new Error(`no paint after the keydown of '${key}' was observed`);
    return { key, query, ms: fallback, timed: false, resultsMs, phases, loaf, state };
  });
}

/**
 * The checks that the palette searched: a query that 10,000 keys match has options (one holding it
 * as written, from three letters on), the first option that is not an action (actions are also
 * found by unshown synonyms) holds the query as a subsequence, and the results change.
 */
function check(typed: readonly Typed[]): string[] {
  const problems: string[] = [];
  for (const t of typed) {
    const { options, firstFound, optionTexts, status } = t.state;
    if (MUST_MATCH.has(t.query) && options === 0) problems.push(`'${t.query}' shows no option (status ${JSON.stringify(status)}); 10,000 keys match it`);
    if (MUST_MATCH.has(t.query) && t.query.length >= 3 && options > 0 && !optionTexts.toLowerCase().includes(t.query)) problems.push(`no option of '${t.query}' holds it as written`);
    if (options > 50) problems.push(`'${t.query}' shows ${options} options (at most 50 expected)`);
    if (firstFound !== null && !fuzzyContains(firstFound, t.query)) problems.push(`'${t.query}': the first option ${JSON.stringify(firstFound.slice(0, 120))} does not hold the query`);
    if (options === 0 && status !== null && !/no result/i.test(status)) problems.push(`'${t.query}' shows no option but the status says ${JSON.stringify(status)}`);
  }
  const distinct = new Set(typed.map((t) => `${t.state.status}\n${t.state.optionTexts}`));
  if (distinct.size < 2) problems.push(`the results were the same for every query (${JSON.stringify(typed[0]?.state.status ?? null)})`);
  return problems;
}

const shown = (t: Typed) => `${t.query}=${f0(t.ms)}${t.timed ? '' : '*'}`;

export async function measurePalette(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  try {
    const { page, pageErrors } = await newWatchedPage(context);
    // A route's error boundary catches render errors (no pageerror): React logs them to the console.
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text().split('\n')[0]}`);
    });

    await step('palette: open /apps', 20_000 * s, () => page.goto(setup.baseUrl + APPS_PATH, { waitUntil: 'commit' }));
    await step('palette: the apps listing', 45_000 * s, () =>
      waitPainted(page, `!!document.querySelector(${JSON.stringify(APPS_LINK)})`, 45_000 * s, `the apps listing's links (${APPS_LINK}) on ${APPS_PATH}`),
    );
    await idle(page, 200);

    // In-app navigation: the apps listing stays in react-query's cache (a page.goto would drop it).
    await step(`palette: navigate in the app to ${setup.appPath}`, 45_000 * s, async () => {
      await page.evaluate(`(() => {
        window.__paletteBenchNoReload = true;
        history.pushState({}, '', ${JSON.stringify(setup.appPath)});
        dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      })()`);
      await waitPainted(page, 'window.__bench && window.__bench.firstRow !== null', 45_000 * s, `the first row of ${setup.appPath} after an in-app navigation from ${APPS_PATH}`);
      await page.getByRole('table', { name: setup.tableName }).waitFor({ state: 'visible', timeout: 15_000 * s });
      if (!(await page.evaluate('window.__paletteBenchNoReload === true'))) throw new Error('the page was reloaded: the apps listing is no longer cached');
    });
    await idle(page, 500);

    // Open the palette once (its chunk loads), then measure keystrokes in it.
    await page.evaluate(`(() => {
      const b = window.__bench;
      b.paletteOpen = { start: null, seen: null, painted: null };
      addEventListener('keydown', (event) => {
        if (b.paletteOpen.start === null && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') b.paletteOpen.start = event.timeStamp;
      }, true);
      const observer = new MutationObserver(() => {
        if (b.paletteOpen.start === null || !document.querySelector(${JSON.stringify(COMBOBOX)})) return;
        b.paletteOpen.seen = performance.now();
        observer.disconnect();
        b.afterPaint((t) => { b.paletteOpen.painted = t; });
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    })()`);
    const combobox = page.getByRole('combobox', { name: NAME });
    await step('palette: Control+K opens "Search everything"', 30_000 * s, async () => {
      await page.keyboard.press('Control+K');
      try {
        await page.getByRole('dialog', { name: NAME }).waitFor({ state: 'visible', timeout: 20_000 * s });
        await combobox.waitFor({ state: 'visible', timeout: 10_000 * s });
        await page.getByRole('dialog', { name: NAME }).getByRole('listbox').waitFor({ state: 'attached', timeout: 10_000 * s });
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}. Page: ${await describePage(page)}${pageErrors.length > 0 ? `; page errors: ${pageErrors.join(' | ')}` : ''}`, { cause: error });
      }
      await waitPainted(page, 'window.__bench.paletteOpen.painted !== null', 10_000 * s, 'the palette painted');
    });
    const open = (await page.evaluate('window.__bench.paletteOpen')) as { start: number | null; painted: number | null };
    await idle(page, 300);
    if (!(await combobox.evaluate((el) => el === document.activeElement))) {
      result.notes.push('palette: the combobox was not focused on open; the bench focused it');
      await combobox.focus({ timeout: 5_000 * s });
    }
    if ((await combobox.inputValue({ timeout: 5_000 * s })) !== '') throw new StepError('palette', 'the combobox is not empty on open');

    await page.evaluate(KEY_WATCH);
    const apiRequests: string[] = [];
    const onRequest = (request: Request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
    };
    page.on('request', onRequest);
    const typed: Typed[] = [];
    try {
      const queries = queriesOf(QUERY_KEYS);
      for (const [i, key] of QUERY_KEYS.entries()) typed.push(await typeOne(page, setup, key, queries[i]!));
    } finally {
      page.off('request', onRequest);
    }

    const problems = check(typed);
    if (problems.length > 0) throw new StepError('palette: the results', `${problems.join('; ')}. Page: ${await describePage(page)}`);

    const worst = typed.reduce((a, b) => (b.ms > a.ms ? b : a));
    result.metrics.paletteKeystrokeMs = worst.ms;
    result.notes.push(
      `palette per key (ms; * = below the Event Timing threshold, keydown→results painted): ${typed.map(shown).join(' ')}; worst '${worst.query}' ${f0(worst.ms)}; ` +
        `keydown→results painted: ${typed.map((t) => (t.resultsMs === null ? '–' : f0(t.resultsMs))).join(' ')}; ` +
        `options: ${typed.map((t) => t.state.options).join(' ')}; open (Control+K → combobox painted, chunk loaded) ${open.start !== null && open.painted !== null ? f0(open.painted - open.start) : '–'} ms`,
    );
    const phases = typed.filter((t) => t.phases !== null).map((t) => `${t.query}: ${t.phases!.name} delay ${f0(t.phases!.delay)}, processing ${f0(t.phases!.processing)}, presentation ${f0(t.phases!.presentation)}`);
    if (phases.length > 0) result.notes.push(`palette worst key event's phases (ms): ${phases.join('; ')}`);
    const loafs = typed.filter((t) => t.loaf !== null).map((t) => `${t.query}: ${t.loaf}`);
    if (loafs.length > 0) result.notes.push(`palette long animation frames (ms): ${loafs.join('; ')}`);
    if (warm) result.notes.push(`palette: status ${typed.map((t) => JSON.stringify(t.state.status)).join(' ')}; first options: ${typed.map((t) => `${t.query}: ${JSON.stringify(t.state.firstOption?.slice(0, 60) ?? null)}`).join(', ')}`);
    if (apiRequests.length > 0) result.notes.push(`palette: ${apiRequests.length} API request(s) while typing: ${[...new Set(apiRequests)].slice(0, 3).join(' | ')}`);
    if (pageErrors.length > 0) result.notes.push(`page errors (palette): ${pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await context.close().catch(() => undefined);
  }
}
