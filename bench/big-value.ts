/**
 * `bigValueInputMs`: typing into the set-value dialog's field while it holds 1 MiB, INP-style.
 *
 * A cold load of the secrets page with a session that has a Write token, the first row's "Edit"
 * button, then a value of just under the service's limit (1 MiB of UTF-8, MAX_VALUE_BYTES) put into
 * the field at once, as a paste would (not measured), and single keystrokes at its end. Each
 * keystroke is measured from its key event to the next paint after the render it caused: the
 * longest Event Timing entry of its key events (keydown … keyup; reported from 16 ms), else the
 * keydown's timeStamp to the bench's "painted" mark (page-scripts.ts). The metric is the worst of
 * UNDER_LIMIT_KEYS keystrokes that all stay within the limit, so every one of them is the render
 * of a valid value (masked whole: it is past 10,000 characters).
 *
 * Then three more keystrokes cross the limit — to 1 MiB − 1, exactly 1 MiB (allowed: no error, Save
 * enabled) and 1 MiB + 1 (the "too large" error, Save disabled) — as a check of the limit; their
 * times are in the notes only, not in the metric.
 *
 * Last, the same keystrokes into a bare textarea of the same box holding the same text (a note, not
 * a metric): Chromium's own cost, against which the app's is judged on a noisy machine.
 */
import type { Page } from '@playwright/test';
import type { RunResult, RunSetup } from './metrics.ts';
import { FIRST_ROW_SELECTOR } from './page-scripts.ts';
import { describePage, idle, message, newContext, step, StepError, waitPainted, newWatchedPage } from './steps.ts';

/** The service's limit: 1 MiB of UTF-8 (src/api/contract-http.ts MAX_VALUE_BYTES, ../shared/api-contract.md). */
const MAX_VALUE_BYTES = 1024 * 1024;
/** The keystrokes measured: each keeps the value under the limit. */
const UNDER_LIMIT_KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
/** Then to MAX − 1, MAX (allowed) and MAX + 1 (too large): a check, not measured. */
const BOUNDARY_KEYS = ['k', 'l', 'm'] as const;
/** The pasted value's length (ASCII: one byte a character): the last boundary key ends at MAX + 1. */
const PASTED_LENGTH = MAX_VALUE_BYTES + 1 - UNDER_LIMIT_KEYS.length - BOUNDARY_KEYS.length;

const FIELD = '[role=dialog] textarea[data-masked]';

/**
 * Puts `length` characters into the field as one input event, as a paste would: base64-like lines
 * of 64 characters (a certificate bundle), ASCII only, ending in a letter (no whitespace warning).
 * The prototype's setter bypasses React's value tracker, so React sees the change.
 */
function pasteScript(length: number): string {
  return `(() => {
  const el = document.querySelector(${JSON.stringify(FIELD)});
  if (!(el instanceof HTMLTextAreaElement)) return 'no textarea ' + ${JSON.stringify(FIELD)};
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = 12345;
  const lines = [];
  for (let i = 0; i < 256; i++) {
    let line = '';
    for (let j = 0; j < 64; j++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      line += ALPHABET[seed % 64];
    }
    lines.push(line + '\\n');
  }
  const block = lines.join('');
  const value = block.repeat(Math.ceil(${length} / block.length)).slice(0, ${length - 1}) + 'Q';
  el.focus();
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.setSelectionRange(value.length, value.length);
  return null;
})()`;
}

/**
 * Records, for each keydown, ms from its timeStamp to the next paint (the render happens in its
 * task), and the time spent in the listeners of each `input` event (Event Timing's processing
 * time: the app's JavaScript for a keystroke — React's onChange and the render it causes).
 */
const KEY_WATCH = `(() => {
  const b = window.__bench;
  if (b.keys) return;
  b.keys = [];
  b.inputJs = [];
  addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    b.afterPaint((t) => b.keys.push(t - start));
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'input') b.inputJs.push(e.processingEnd - e.processingStart);
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch (e) {}
})()`;

const RESET = ['events', 'inputs', 'keys', 'inputJs'].map((k) => `window.__bench.${k}.length = 0;`).join(' ');

interface FieldState {
  length: number;
  focused: boolean;
  tooLarge: boolean;
  saveDisabled: boolean | null;
  hiddenNote: string | null;
  events: { name: string; duration: number }[];
  keys: number[];
  inputJs: number[];
}

const READ = `(() => {
  const el = document.querySelector(${JSON.stringify(FIELD)});
  const dialog = el ? el.closest('[role=dialog]') : null;
  const alerts = dialog ? [...dialog.querySelectorAll('[role=alert]')].map((a) => a.textContent || '') : [];
  const save = dialog ? [...dialog.querySelectorAll('button')].find((b) => (b.textContent || '').trim() === 'Save') : null;
  const hidden = dialog ? [...dialog.querySelectorAll('p, span')].map((p) => p.textContent || '').find((t) => /hidden/i.test(t) && t.length < 200) : null;
  return {
    length: el ? el.value.length : -1,
    focused: !!el && document.activeElement === el,
    tooLarge: alerts.some((t) => /bytes of UTF-8/.test(t)),
    saveDisabled: save ? save.disabled : null,
    hiddenNote: hidden || null,
    events: window.__bench.events.slice(),
    keys: window.__bench.keys.slice(),
    inputJs: window.__bench.inputJs.slice(),
  };
})()`;

const KEY_EVENTS = new Set(['keydown', 'keypress', 'beforeinput', 'input', 'keyup']);

/** Presses `key` in the focused field; the key's time (ms) and whether Event Timing reported it. */
async function typeOne(page: Page, setup: RunSetup, key: string, expectedLength: number): Promise<Typed & { state: FieldState }> {
  const s = setup.timeoutScale;
  return step(`big value: type '${key}'`, 60_000 * s, async () => {
    await page.evaluate(RESET);
    await page.keyboard.press(key);
    await idle(page, 200);
    await page.waitForTimeout(100); // Event Timing entries are delivered after the paint
    const state = (await page.evaluate(READ)) as FieldState;
    if (state.length !== expectedLength) {
      throw new Error(`the field holds ${state.length} characters after '${key}', expected ${expectedLength} (focus ${state.focused ? 'in' : 'not in'} the field)`);
    }
    const timed = state.events.filter((e) => KEY_EVENTS.has(e.name)).map((e) => e.duration);
    const js = state.inputJs.length > 0 ? Math.max(...state.inputJs) : null;
    if (timed.length > 0) return { ms: Math.max(...timed), timed: true, js, state };
    if (state.keys.length > 0) return { ms: Math.max(...state.keys), timed: false, js, state };
    throw new Error(`no key event was observed for '${key}'`);
  });
}

/** A keystroke: ms to the next paint, whether Event Timing reported it, ms in its input listeners (null: not reported). */
interface Typed {
  ms: number;
  timed: boolean;
  js: number | null;
}

const shown = (t: Typed) => `${t.ms.toFixed(0)}${t.timed ? '' : '*'}`;
/** The input listeners' times (ms; "–" where Event Timing did not report the keystroke). */
const jsShown = (times: readonly Typed[]) => times.map((t) => (t.js === null ? '–' : t.js.toFixed(0))).join(' ');
const summary = (times: readonly { ms: number }[]) => {
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, worst: sorted[sorted.length - 1]! };
};

/** Pastes PASTED_LENGTH characters into FIELD (not measured); ms to the paint after it, and the field. */
async function paste(page: Page, setup: RunSetup): Promise<{ ms: number; state: FieldState }> {
  await page.evaluate(KEY_WATCH);
  return step(`big value: paste ${PASTED_LENGTH} characters`, 60_000 * setup.timeoutScale, async () => {
    const start = (await page.evaluate('performance.now()')) as number;
    const problem = (await page.evaluate(pasteScript(PASTED_LENGTH))) as string | null;
    if (problem) throw new Error(problem);
    await page.evaluate('new Promise((resolve) => window.__bench.afterPaint(resolve))');
    const end = (await page.evaluate('performance.now()')) as number;
    await idle(page, 300);
    const state = (await page.evaluate(READ)) as FieldState;
    if (state.length !== PASTED_LENGTH) throw new Error(`the field holds ${state.length} characters, expected ${PASTED_LENGTH}. Page: ${await describePage(page)}`);
    if (state.tooLarge) throw new Error(`${PASTED_LENGTH} bytes are reported too large`);
    return { ms: end - start, state };
  });
}

async function typeUnderLimit(page: Page, setup: RunSetup): Promise<Typed[]> {
  const times: Typed[] = [];
  let length = PASTED_LENGTH;
  for (const key of UNDER_LIMIT_KEYS) {
    length += 1;
    const typed = await typeOne(page, setup, key, length);
    if (typed.state.tooLarge) throw new StepError(`big value: type '${key}'`, `${length} bytes are reported too large (the limit is ${MAX_VALUE_BYTES})`);
    times.push(typed);
  }
  return times;
}

/** The textarea's box and font, for the floor's bare copy of it. */
const FIELD_STYLE = `(() => {
  const el = document.querySelector(${JSON.stringify(FIELD)});
  const c = getComputedStyle(el);
  return ['width', 'height', 'padding', 'border', 'box-sizing', 'font-family', 'font-size', 'line-height', 'white-space', 'overflow-wrap', 'resize']
    .map((p) => p + ':' + c.getPropertyValue(p)).join(';') + ';color:transparent';
})()`;

/**
 * The floor of the same keystrokes: a bare textarea of the field's size and font (no React, no
 * app) holding the same text, in a new page of the same context — what Chromium itself costs.
 */
async function measureFloorField(setup: RunSetup, page: Page, style: string, result: RunResult): Promise<void> {
  const s = setup.timeoutScale;
  await step('big value floor: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.floorPath, { waitUntil: 'load' }));
  await waitPainted(page, 'window.__floorError !== undefined || (window.__bench && window.__bench.firstRow !== null)', 30_000 * s, 'the floor page');
  await page.evaluate(`(() => {
    document.body.innerHTML = '<div role="dialog"><textarea data-masked="true" rows="4" spellcheck="false"></textarea></div>';
    document.querySelector('textarea').setAttribute('style', ${JSON.stringify(style)});
  })()`);
  await idle(page, 100);
  await paste(page, setup);
  const times = await typeUnderLimit(page, setup);
  const { median, worst } = summary(times);
  result.notes.push(`big value floor (bare textarea, same text and box; ms): ${times.map(shown).join(' ')}; median ${median.toFixed(0)}, worst ${worst.toFixed(0)}; in input listeners: ${jsShown(times)}`);
}

export async function measureBigValue(setup: RunSetup, result: RunResult, warm: boolean): Promise<void> {
  const s = setup.timeoutScale;
  const context = await newContext({ ...setup, sessionJson: setup.writeSessionJson }, result.foreignRequests);
  try {
    const { page, pageErrors } = await newWatchedPage(context);
    await step('big value: open', 20_000 * s, () => page.goto(setup.baseUrl + setup.appPath, { waitUntil: 'commit' }));
    await step('big value: first row painted', 45_000 * s, () =>
      waitPainted(page, 'window.__bench && window.__bench.firstRow !== null', 45_000 * s, `the first row ${FIRST_ROW_SELECTOR} appearing on ${setup.appPath}`),
    );
    const edit = page.locator(`${FIRST_ROW_SELECTOR} button[aria-label^="Edit "]`);
    const label = await step('big value: the first row\'s "Edit" button', 10_000 * s, () => edit.getAttribute('aria-label', { timeout: 10_000 * s }));
    if (await edit.isDisabled()) throw new StepError('big value', `"${label}" is disabled: the session has no Write token?`);
    await step(`big value: click "${label}"`, 20_000 * s, async () => {
      await edit.click({ timeout: 10_000 * s });
      await waitPainted(page, `!!document.querySelector(${JSON.stringify(FIELD)})`, 15_000 * s, 'the set-value dialog and its field');
    });

    const pasted = await paste(page, setup);
    const times = await typeUnderLimit(page, setup);
    const { median, worst } = summary(times);
    result.metrics.bigValueInputMs = worst;
    result.notes.push(
      `big value per key at ${PASTED_LENGTH + 1}–${PASTED_LENGTH + times.length} bytes (ms; * = below the Event Timing threshold, keydown→paint): ` +
        `${times.map(shown).join(' ')}; median ${median.toFixed(0)}, worst ${worst.toFixed(0)}; in input listeners (the app's JS): ${jsShown(times)}; ` +
        `the paste took ${pasted.ms.toFixed(0)} ms to paint`,
    );
    if (warm) result.notes.push(`big value: the masked field says ${JSON.stringify(pasted.state.hiddenNote)}`);

    // The limit: 1 MiB exactly is allowed, one byte more is not.
    const boundary: string[] = [];
    let length = PASTED_LENGTH + times.length;
    for (const key of BOUNDARY_KEYS) {
      length += 1;
      const typed = await typeOne(page, setup, key, length);
      const allowed = length <= MAX_VALUE_BYTES;
      const over = length - MAX_VALUE_BYTES;
      boundary.push(`MAX${over === 0 ? '' : over > 0 ? `+${over}` : over}=${shown(typed)}${typed.state.tooLarge ? ' too large' : ''}`);
      if (typed.state.tooLarge === allowed || typed.state.saveDisabled === allowed) {
        result.errors.push(
          `big value: at ${length} bytes (limit ${MAX_VALUE_BYTES}) the dialog says ${typed.state.tooLarge ? '"too large"' : 'nothing'} and Save is ${typed.state.saveDisabled ? 'disabled' : 'enabled'}; expected ${allowed ? 'allowed' : 'too large'}`,
        );
      }
    }
    result.notes.push(`big value at the limit (ms): ${boundary.join(', ')}`);
    if (pageErrors.length > 0) result.notes.push(`page errors (big value): ${pageErrors.slice(0, 3).join(' | ')}`);

    const style = (await page.evaluate(FIELD_STYLE)) as string;
    await page.close(); // the dirty dialog's beforeunload guard does not run: runBeforeUnload is false
    try {
      await measureFloorField(setup, await context.newPage(), style, result);
    } catch (error) {
      result.notes.push(`big value floor: ${message(error)}`);
    }
  } finally {
    await context.close().catch(() => undefined);
  }
}
