/**
 * Code that runs inside the overview page (`/apps/:appId`), as plain JavaScript strings like
 * page-scripts.ts (whose `window.__bench` these extend; install them after its init script).
 */
import { cssString } from './page-scripts.ts';

/** The overview's table, which is also its own scroll box. */
export const tableSelector = (tableName: string) => `[role=table][aria-label=${cssString(tableName)}]`;

/**
 * An init script: once every environment's values are in the first body row (no cell loading,
 * none failed) and painted, it types `needle` into the search box, as a user who starts as soon as
 * the rows are complete. `__bench.overviewBot` records, in ms after navigation start: `complete`
 * (the complete row in the DOM), `completePainted`, `typed`, and `filteredPainted` (the paint of
 * the first filtered rows: the table's row count changed and its first key holds `needle`).
 */
export function overviewBotScript(tableName: string, envs: number, needle: string): string {
  return `(() => {
  const b = window.__bench;
  if (!b || b.overviewBot) return;
  const TABLE = ${JSON.stringify(tableSelector(tableName))};
  const NEEDLE = ${JSON.stringify(needle.toLowerCase())};
  const bot = { complete: null, completePainted: null, typed: null, rowsBefore: null, rowsAfter: null, filtered: null, filteredPainted: null, error: null };
  b.overviewBot = bot;
  const firstRow = () => document.querySelector(TABLE + ' [role=row][aria-rowindex="2"]');
  const isComplete = () => {
    const row = firstRow();
    if (!row) return false;
    const cells = row.querySelectorAll('[role=cell]');
    return cells.length === ${envs} && [...cells].every((cell) => !/^(…loading|—not loaded)$/.test((cell.textContent || '').trim()));
  };
  const isFiltered = () => {
    const table = document.querySelector(TABLE);
    const row = firstRow();
    const key = row && row.querySelector('[role=rowheader]');
    return !!table && table.getAttribute('aria-rowcount') !== bot.rowsBefore && !!key && (key.textContent || '').toLowerCase().includes(NEEDLE);
  };
  const type = () => {
    const input = document.querySelector('input[type=search]');
    if (!input) { bot.error = 'no input[type=search] on the page'; return; }
    bot.rowsBefore = document.querySelector(TABLE).getAttribute('aria-rowcount');
    const filtered = new MutationObserver(() => {
      if (bot.filtered !== null || !isFiltered()) return;
      bot.filtered = performance.now();
      bot.rowsAfter = document.querySelector(TABLE).getAttribute('aria-rowcount');
      filtered.disconnect();
      b.afterPaint((t) => { bot.filteredPainted = t; });
    });
    filtered.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
    bot.typed = performance.now();
    input.focus();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(needle)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const complete = new MutationObserver(() => {
    if (bot.complete !== null || !isComplete()) return;
    bot.complete = performance.now();
    complete.disconnect();
    b.afterPaint((t) => {
      bot.completePainted = t;
      type();
    });
  });
  complete.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;
}

/**
 * Defines `__bench.watchStatus(name, pattern)`: records the first click after arming and when a
 * role=status element whose text matches `pattern` (a RegExp source) appears and is painted, with
 * its text, in `__bench.statusWatches[name]`.
 */
export const STATUS_WATCH = `(() => {
  const b = window.__bench;
  if (b.watchStatus) return;
  b.statusWatches = {};
  performance.setResourceTimingBufferSize(5000); // a bulk write's requests all in Resource Timing
  let armed = null;
  addEventListener('click', () => {
    const w = armed && b.statusWatches[armed];
    if (w && w.click === null) w.click = performance.now();
  }, true);
  b.watchStatus = (name, source) => {
    const pattern = new RegExp(source);
    const find = () => [...document.querySelectorAll('[role=status]')].map((el) => (el.textContent || '').trim()).find((text) => pattern.test(text));
    if (find() !== undefined) throw new Error('a status matching /' + source + '/ is already in the page before the click');
    const w = { click: null, seen: null, painted: null, text: null };
    b.statusWatches[name] = w;
    armed = name;
    const observer = new MutationObserver(() => {
      const text = find();
      if (w.seen !== null || text === undefined) return;
      w.seen = performance.now();
      w.text = text;
      observer.disconnect();
      b.afterPaint((t) => { w.painted = t; });
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };
})()`;

/**
 * Scrolls the element at `selector` from its top to its bottom, `step` px per animation frame, and
 * resolves with the rAF-to-rAF deltas (frame times). Stops at the bottom or after `maxMs`.
 */
export function scrollBoxScript(selector: string, step: number, maxMs: number): string {
  return `new Promise((resolve, reject) => {
  const box = document.querySelector(${JSON.stringify(selector)});
  if (!box) { reject(new Error('no element ' + ${JSON.stringify(selector)})); return; }
  box.scrollTop = 0;
  const deltas = [];
  let last = null;
  const deadline = performance.now() + ${maxMs};
  const bottom = () => box.scrollTop + box.clientHeight >= box.scrollHeight - 2;
  const tick = (t) => {
    if (last !== null) deltas.push(t - last);
    last = t;
    if (bottom() || performance.now() > deadline) {
      resolve({ deltas, reachedBottom: bottom(), scrollTop: box.scrollTop, scrollHeight: box.scrollHeight, rows: box.querySelectorAll('[role=row]').length });
      return;
    }
    box.scrollTop += ${step};
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(() => requestAnimationFrame(tick));
})`;
}

/**
 * Where the time between `from` and `to` (page clock) went, from Resource Timing: the requests
 * that wrote values (PUT …/values) and the other API requests started in between.
 */
export function requestTimelineScript(from: number, to: number): string {
  return `(() => {
  const entries = performance.getEntriesByType('resource').filter((e) => e.startTime >= ${from} && e.startTime <= ${to} && new URL(e.name).pathname.startsWith('/api/'));
  const writes = entries.filter((e) => /\\/values$/.test(new URL(e.name).pathname));
  const others = entries.filter((e) => !writes.includes(e)).map((e) => ({ path: new URL(e.name).pathname, query: new URL(e.name).search.slice(0, 80), start: e.startTime - ${from}, end: e.responseEnd - ${from} }));
  let most = 0;
  for (const w of writes) most = Math.max(most, writes.filter((o) => o.startTime <= w.startTime && o.responseEnd > w.startTime).length);
  const first = writes.length ? Math.min(...writes.map((e) => e.startTime)) - ${from} : null;
  const last = writes.length ? Math.max(...writes.map((e) => e.responseEnd)) - ${from} : null;
  const mean = writes.length ? writes.reduce((sum, e) => sum + e.duration, 0) / writes.length : null;
  return { writes: writes.length, first, last, mean, most, others };
})()`;
}
