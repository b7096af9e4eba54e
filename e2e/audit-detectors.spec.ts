import type { Page } from '@playwright/test';
import { test, expect, openDemoEnvironment, type Recorder } from './fixtures';
import { findLeaks, PLACES, SESSION_KEY, watchPage, type Place } from './audit';
import { CANARY } from './constants';

/**
 * The leak audit's detectors, one by one: a canary planted in one place of a loaded page must be
 * reported in that place, and only there. A detector removed from the audit fails its test here.
 */
interface Detector {
  what: string;
  plant: (page: Page, recorder: Recorder) => Promise<unknown>;
  expected: Place[];
}

const DETECTORS: Detector[] = [
  {
    what: 'an IndexedDB record',
    plant: (page) =>
      page.evaluate(
        (canary) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('audit-probe');
            open.onupgradeneeded = () => open.result.createObjectStore('things');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction('things', 'readwrite');
              tx.objectStore('things').put({ nested: [{ value: canary }] }, 'one');
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        CANARY,
      ),
    expected: [PLACES.indexedDB],
  },
  {
    what: 'a Cache Storage response',
    plant: (page) => page.evaluate(async (canary) => (await caches.open('audit-probe')).put('/audit-probe', new Response(JSON.stringify({ value: canary }))), CANARY),
    expected: [PLACES.cacheStorage],
  },
  {
    what: 'a localStorage item',
    plant: (page) => page.evaluate((canary) => localStorage.setItem('audit-probe', canary), CANARY),
    expected: [PLACES.localStorage],
  },
  {
    what: 'a sessionStorage item',
    plant: (page) => page.evaluate((canary) => sessionStorage.setItem('audit-probe', canary), CANARY),
    expected: [PLACES.sessionStorage],
  },
  {
    // The session entry may hold tokens only.
    what: 'a value in the session entry',
    plant: (page) =>
      page.evaluate(([key, canary]) => sessionStorage.setItem(key, JSON.stringify({ ...JSON.parse(sessionStorage.getItem(key) ?? '{}'), note: canary })), [SESSION_KEY, CANARY] as const),
    expected: [PLACES.sessionEntry],
  },
  {
    what: 'a cookie',
    plant: (page) => page.evaluate((canary) => (document.cookie = `audit-probe=${canary}; path=/`), CANARY),
    expected: [PLACES.cookies],
  },
  {
    what: 'a console line',
    plant: (page) => Promise.all([page.waitForEvent('console'), page.evaluate((canary) => console.log(canary), CANARY)]),
    expected: [PLACES.consoleText, PLACES.consoleArguments],
  },
  {
    // Only the argument holds it: the message's text shows the object collapsed.
    what: "an error's cause deep in a logged object",
    plant: (page) =>
      Promise.all([
        page.waitForEvent('console'),
        page.evaluate((canary) => {
          const cyclic: Record<string, unknown> = { nested: { deep: new Error('x', { cause: canary }) } };
          cyclic['self'] = cyclic;
          console.log(cyclic);
        }, CANARY),
      ]),
    expected: [PLACES.consoleArguments],
  },
  {
    what: 'a data attribute',
    plant: (page) => page.evaluate((canary) => (document.body.dataset['x'] = canary), CANARY),
    expected: [PLACES.domAttributes],
  },
  {
    what: 'hidden text',
    plant: (page) =>
      page.evaluate((canary) => {
        const span = document.createElement('span');
        span.hidden = true;
        span.textContent = canary;
        document.body.append(span);
      }, CANARY),
    expected: [PLACES.domText],
  },
  {
    what: 'text in a shadow root',
    plant: (page) =>
      page.evaluate((canary) => {
        const host = document.createElement('div');
        document.body.append(host);
        host.attachShadow({ mode: 'open' }).append(canary);
      }, CANARY),
    expected: [PLACES.domText],
  },
  {
    // Set as the property (what typing does), not the attribute.
    what: "an input's value",
    plant: (page) =>
      page.evaluate((canary) => {
        const input = document.createElement('input');
        document.body.append(input);
        input.value = canary;
      }, CANARY),
    expected: [PLACES.formValues],
  },
  {
    what: 'history.state',
    plant: (page) => page.evaluate((canary) => history.replaceState({ ...(history.state as object), note: canary }, ''), CANARY),
    expected: [PLACES.historyState],
  },
  {
    // In the URL for a moment, then replaced: the recorded history still has it.
    what: 'a URL the page went through',
    plant: (page) =>
      page.evaluate((canary) => {
        const clean = location.href;
        history.pushState(history.state, '', `?probe=${canary}`);
        history.replaceState(history.state, '', clean);
      }, CANARY),
    expected: [PLACES.pageUrls],
  },
  {
    what: 'a request URL',
    plant: async (page, recorder) => {
      await page.evaluate((canary) => fetch(`/audit-probe?value=${canary}`).then((r) => r.status), CANARY);
      // The recorder files a request once its headers are read.
      await expect.poll(() => recorder.requests.some((r) => r.url.includes('/audit-probe'))).toBe(true);
    },
    expected: [PLACES.requestUrls],
  },
];

// One page for all of them: each plant must add exactly its places to the report (what was planted
// before stays reported), so a detector removed from the audit fails at its step.
test('the leak audit reports a canary in each place it checks, one place at a time', async ({ page, context, recorder }) => {
  const watch = watchPage(page);
  await openDemoEnvironment(page);
  // The demo's own data holds no canary: nothing to report before planting.
  expect(await findLeaks(page, context, recorder, [CANARY], watch)).toEqual([]);
  const reported = new Set<Place>();
  for (const { what, plant, expected } of DETECTORS) {
    await test.step(what, async () => {
      await plant(page, recorder);
      for (const place of expected) reported.add(place);
      const places = new Set((await findLeaks(page, context, recorder, [CANARY], watch)).map((leak) => leak.place));
      expect([...places].sort(), `after planting ${what}`).toEqual([...reported].sort());
    });
  }
});
