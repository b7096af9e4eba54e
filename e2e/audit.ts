import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Recorder } from './fixtures';

export const SESSION_KEY = 'secrets-dashboard.session';
export const TOKENS = ['demo-token', 'demo-read-token', 'demo-write-token'];

/** Everything the page keeps that a value or token must never reach. */
export async function pageStores(page: Page) {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
    const databases = 'databases' in indexedDB ? await indexedDB.databases() : [];
    const caches_: string[] = [];
    if ('caches' in window) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          caches_.push(`${request.url} ${response ? await response.text() : ''}`);
        }
      }
    }
    return {
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: databases.map((d) => d.name ?? ''),
      cacheStorage: caches_,
      title: document.title,
      url: location.href,
      historyState: JSON.stringify(history.state),
    };
  });
}

/** Asserts that `secrets` (values and tokens) appear in no store, URL, console line or title. */
export async function expectNoLeak(page: Page, context: BrowserContext, recorder: Recorder, secrets: readonly string[], options: { navigations: string[] }) {
  const stores = await pageStores(page);
  const { [SESSION_KEY]: sessionEntry, ...otherSession } = stores.sessionStorage;
  const cookies = JSON.stringify(await context.cookies());
  const places: Record<string, string> = {
    localStorage: JSON.stringify(stores.localStorage),
    'sessionStorage (other keys)': JSON.stringify(otherSession),
    indexedDB: JSON.stringify(stores.indexedDB),
    cacheStorage: JSON.stringify(stores.cacheStorage),
    cookies,
    'document.title': stores.title,
    'history.state': stores.historyState,
    'request URLs': recorder.requests.map((r) => r.url).join('\n'),
    'page URLs': [...options.navigations, stores.url].join('\n'),
    console: recorder.console.join('\n'),
  };
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      expect(text.includes(secret), `"${secret.slice(0, 12)}…" found in ${place}`).toBe(false);
    }
  }
  // The session entry may hold the tokens, and nothing else of value.
  if (sessionEntry) for (const secret of secrets) if (!TOKENS.includes(secret)) expect(sessionEntry.includes(secret)).toBe(false);
}

/** Tokens travel only in the Authorization header, and only to the API origin. */
export function expectTokensOnlyInAuthorization(recorder: Recorder, apiOrigins: readonly string[]) {
  for (const request of recorder.requests) {
    const origin = new URL(request.url).origin;
    const { authorization, ...others } = request.headers;
    for (const token of TOKENS) {
      expect(request.url.includes(token), `token in URL ${request.url}`).toBe(false);
      expect(JSON.stringify(others).includes(token), `token in another header of ${request.url}`).toBe(false);
    }
    if (authorization) {
      expect(apiOrigins.some((o) => request.url.startsWith(o)), `Authorization sent to ${origin}`).toBe(true);
    }
  }
}

/** Collects garbage, then searches a heap snapshot of the page for each string. */
export async function heapContains(page: Page, needles: readonly string[], saveTo?: string): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const chunks: string[] = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
    const snapshot = chunks.join('');
    if (saveTo) (await import('node:fs')).writeFileSync(saveTo, snapshot);
    return needles.filter((n) => snapshot.includes(n));
  } finally {
    await cdp.detach();
  }
}
