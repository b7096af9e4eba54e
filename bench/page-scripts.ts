/**
 * Code that runs inside the page, kept as plain JavaScript strings: functions passed to Playwright
 * would be serialized after tsx/esbuild transformed them (helpers such as `__name` do not exist in
 * the page).
 *
 * "Painted" everywhere means: the next animation frame after the DOM change, then a task posted
 * from that frame's rAF callback (it runs after the frame's style, layout and paint).
 */

/** The first body row of the secrets table (the header row is aria-rowindex 1). */
export const FIRST_ROW_SELECTOR = '[role=row][aria-rowindex="2"]';

/** A CSS string literal (for attribute selectors). */
export function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ')}"`;
}

/** Options of the init script. */
export interface InitOptions {
  /**
   * Click the first row's Reveal button every animation frame from the start of the load, until
   * the row shows itself revealed (its toggle named "Hide …" or pressed) or the bench sets
   * `__bench.revealBot.stop`: how a user who clicks as soon as the row is there finds the page.
   */
  clickReveal?: boolean;
}

/**
 * Installed before any page script (`addInitScript`). Defines `window.__bench`:
 * - `firstRow`: performance.now() when the first body row was painted (null until then);
 * - `revealBot` (with `clickReveal`): `clicks` dispatched, `firstClick`/`lastClick` times, `shown`
 *   (when the row's toggle turned into "Hide"), `stop`;
 * - `events`: Event Timing entries (durationThreshold 16 ms);
 * - `inputs`: for each `input` event, ms from the event's timeStamp to the next paint (a fallback
 *   for keystrokes faster than Event Timing's 16 ms threshold);
 * - `watch(name, selector)`: records the first click after arming and when `selector` is painted;
 * - `idle(ms)`: resolves after `ms` and then an idle period of the main thread.
 */
export function initScript(sessionKey: string, sessionJson: string, options: InitOptions = {}): string {
  return `(() => {
  if (window.__bench) return;
  try { sessionStorage.setItem(${JSON.stringify(sessionKey)}, ${JSON.stringify(sessionJson)}); } catch (e) {}
  const FIRST_ROW = ${JSON.stringify(FIRST_ROW_SELECTOR)};
  const b = { firstRowSeen: null, firstRow: null, revealBot: null, events: [], inputs: [], watches: {}, armed: null, eventTiming: true };
  Object.defineProperty(window, '__bench', { value: b, enumerable: false, configurable: true });
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => cb(performance.now());
    channel.port2.postMessage(null);
  });
  b.afterPaint = afterPaint;
  const checkFirstRow = () => {
    if (b.firstRowSeen !== null) return true;
    if (!document.querySelector(FIRST_ROW)) return false;
    b.firstRowSeen = performance.now();
    afterPaint((t) => { b.firstRow = t; });
    return true;
  };
  const rowObserver = new MutationObserver(() => { if (checkFirstRow()) rowObserver.disconnect(); });
  rowObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-rowindex'] });
  if (${JSON.stringify(options.clickReveal === true)}) {
    const bot = { clicks: 0, firstClick: null, lastClick: null, shown: null, stop: false };
    b.revealBot = bot;
    const toggleOf = (row) => [...row.querySelectorAll('button')].find((el) => /^(Reveal|Hide) /.test(el.getAttribute('aria-label') || ''));
    const tick = () => {
      if (bot.stop) return;
      const row = document.querySelector(FIRST_ROW);
      const toggle = row && toggleOf(row);
      if (toggle && (toggle.getAttribute('aria-label').startsWith('Hide ') || toggle.getAttribute('aria-pressed') === 'true')) {
        bot.shown = performance.now();
        bot.stop = true;
        return;
      }
      if (toggle && !toggle.disabled) {
        const t = performance.now();
        toggle.click();
        bot.clicks += 1;
        if (bot.firstClick === null) bot.firstClick = t;
        bot.lastClick = t;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.events.push({ name: e.name, duration: e.duration, startTime: e.startTime });
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch (e) { b.eventTiming = false; }
  addEventListener('input', (event) => {
    const start = event.timeStamp;
    afterPaint((t) => b.inputs.push(t - start));
  }, true);
  addEventListener('click', () => {
    const w = b.armed && b.watches[b.armed];
    if (w && w.click === null) w.click = performance.now();
  }, true);
  b.watch = (name, selector) => {
    if (document.querySelector(selector)) throw new Error(selector + ' is already in the page before the click');
    const w = { selector, click: null, seen: null, painted: null };
    b.watches[name] = w;
    b.armed = name;
    const observer = new MutationObserver(() => {
      if (w.seen !== null || !document.querySelector(selector)) return;
      w.seen = performance.now();
      observer.disconnect();
      afterPaint((t) => { w.painted = t; });
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  b.idle = (ms) => new Promise((resolve) => setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(null), { timeout: 3000 });
    else resolve(null);
  }, ms));
})();`;
}

/** The key of the first row (lowest aria-rowindex) that has a value to reveal, from its "Reveal <KEY>" button. */
export const FIRST_REVEALABLE_KEY = `(() => {
  const rows = [...document.querySelectorAll('[role=row]')]
    .map((row) => ({ row, index: Number(row.getAttribute('aria-rowindex')) }))
    .filter((r) => r.index >= 2)
    .sort((a, b) => a.index - b.index);
  for (const { row } of rows) {
    const cells = row.querySelectorAll('[role=cell]');
    const valueText = (cells[1] ? cells[1].textContent : '') || '';
    if (/not set/i.test(valueText)) continue;
    const button = [...row.querySelectorAll('button[aria-label]')].find((el) => el.getAttribute('aria-label').startsWith('Reveal '));
    if (button) return button.getAttribute('aria-label').slice('Reveal '.length);
  }
  return null;
})()`;

/**
 * The Resource Timing startTime of the request to `url` (ms after navigation start, on the clock
 * of performance.now()); null until that request has completed.
 */
export function requestStartScript(url: string): string {
  return `(() => {
  const entry = performance.getEntriesByName(${JSON.stringify(url)}, 'resource')[0];
  return entry ? entry.startTime : null;
})()`;
}

/**
 * Scrolls the window from the top to the bottom, `step` px per animation frame, and resolves with
 * the rAF-to-rAF deltas (frame times). Stops at the bottom or after `maxMs`.
 */
export function scrollScript(step: number, maxMs: number): string {
  return `new Promise((resolve) => {
  window.scrollTo(0, 0);
  const deltas = [];
  let last = null;
  const deadline = performance.now() + ${maxMs};
  const bottom = () => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  const tick = (t) => {
    if (last !== null) deltas.push(t - last);
    last = t;
    if (bottom() || performance.now() > deadline) {
      resolve({ deltas, reachedBottom: bottom(), scrollY: window.scrollY, scrollHeight: document.documentElement.scrollHeight });
      return;
    }
    window.scrollBy(0, ${step});
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(() => requestAnimationFrame(tick));
})`;
}

/** A short description of what the page shows (for error messages). */
export const PAGE_SUMMARY = `(() => {
  const text = (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').trim();
  return { url: location.href, title: document.title, tables: [...document.querySelectorAll('[role=table]')].map((t) => t.getAttribute('aria-label')), rows: document.querySelectorAll('[role=row]').length, text: text.slice(0, 300) };
})()`;
