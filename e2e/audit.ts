import type { BrowserContext, CDPSession, ConsoleMessage, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Recorder } from './fixtures';

export const SESSION_KEY = 'secrets-dashboard.session';
export const TOKENS = ['demo-token', 'demo-read-token', 'demo-write-token'];

/** The places the audit reads, as its report names them. */
export const PLACES = {
  indexedDB: 'IndexedDB records',
  cacheStorage: 'Cache Storage responses',
  localStorage: 'localStorage',
  sessionStorage: 'sessionStorage (other keys)',
  sessionEntry: 'sessionStorage (session entry)',
  cookies: 'cookies',
  consoleText: 'console messages',
  consoleArguments: 'console arguments',
  domAttributes: 'DOM attributes',
  domText: 'DOM text (hidden included)',
  formValues: 'form field values',
  historyState: 'history.state',
  requestUrls: 'request URLs',
  pageUrls: 'page URLs',
} as const;
export type Place = (typeof PLACES)[keyof typeof PLACES];

/** Where a secret may be: the session entry holds the tokens (and nothing else of value). */
const ALLOWED: Partial<Record<Place, readonly string[]>> = { [PLACES.sessionEntry]: TOKENS };

/** What the audit records while the test runs: the main frame's URLs and every console argument in full. */
export interface PageWatch {
  navigations: string[];
  consoleArguments: string[];
  /** Console arguments still being read. */
  pending: Promise<unknown>[];
}

/** Starts recording a page for the audit; call before the journey. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { navigations: [], consoleArguments: [], pending: [] };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) watch.navigations.push(frame.url());
  });
  page.on('console', (message) => watch.pending.push(readConsoleArguments(message).then((args) => watch.consoleArguments.push(args))));
  return watch;
}

/**
 * A console message's arguments, each serialized in the page (nested objects, errors and their
 * causes); an argument the page no longer holds (it navigated away) falls back to the message's text.
 */
async function readConsoleArguments(message: ConsoleMessage): Promise<string> {
  const args = await Promise.all(message.args().map((handle) => handle.evaluate(serializeInPage).catch(() => message.text())));
  return args.join(' ');
}

/**
 * Serializes any page value as JSON text: own properties (enumerable or not) of objects and arrays,
 * errors with stack and cause, maps, sets, binary data as text, DOM nodes as their HTML; cycles cut.
 * Runs in the page: it may use nothing from this module.
 */
function serializeInPage(root: unknown): string {
  const seen = new WeakSet<object>();
  let budget = 20_000;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'bigint' || typeof value === 'symbol') return String(value);
    if (typeof value === 'function') return `[function ${value.name}]`;
    if (value === null || typeof value !== 'object') return value;
    if (seen.has(value)) return '[cycle]';
    if (--budget < 0) return '[too large]';
    seen.add(value);
    if (value instanceof Node) return value instanceof Element ? value.outerHTML : value.textContent;
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
    if (value instanceof Date) return String(value);
    if (value instanceof Map) return Array.from(value, ([k, v]) => [walk(k), walk(v)]);
    if (value instanceof Set || Array.isArray(value)) return Array.from(value, walk);
    const out: Record<string, unknown> = {};
    // Own keys, non-enumerable included: an Error's message, stack and cause are such.
    for (const key of Reflect.ownKeys(value)) {
      try {
        out[String(key)] = walk((value as Record<PropertyKey, unknown>)[key]);
      } catch {
        out[String(key)] = '[unreadable]';
      }
    }
    return out;
  };
  return JSON.stringify(walk(root)) ?? String(root);
}

/** Every record (key and value) of every object store of every database of the page's origin. */
async function readIndexedDB(page: Page): Promise<string> {
  const records = await page.evaluateHandle(async () => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const out: Record<string, unknown[]> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await done(indexedDB.open(name));
      try {
        for (const storeName of Array.from(db.objectStoreNames)) {
          const store = db.transaction(storeName, 'readonly').objectStore(storeName);
          const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
          out[`${name}/${storeName}`] = keys.map((key, i) => [key, values[i]]);
        }
      } finally {
        db.close();
      }
    }
    return out;
  });
  try {
    return await records.evaluate(serializeInPage);
  } finally {
    await records.dispose();
  }
}

/** Every cached request of every cache: its URL, the response's headers and body. */
async function readCacheStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const entries: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const headers = response ? JSON.stringify(Array.from(response.headers)) : '';
        entries.push(`${name} ${request.url} ${headers} ${response ? await response.text() : ''}`);
      }
    }
    return entries.join('\n');
  });
}

/** Both web storages (keys and values), the session entry apart; and history.state. */
async function readWebStorage(page: Page) {
  return page.evaluate((sessionKey) => {
    const dump = (s: Storage) => Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
    const { [sessionKey]: sessionEntry, ...otherSession } = dump(sessionStorage);
    return {
      localStorage: JSON.stringify(dump(localStorage)),
      sessionStorage: JSON.stringify(otherSession),
      sessionEntry: sessionEntry ?? '',
      historyState: JSON.stringify(history.state),
      url: location.href,
    };
  }, SESSION_KEY);
}

/** The document and its open shadow roots: every attribute, all text (hidden, script and style included), field values. */
async function readDom(page: Page) {
  return page.evaluate(() => {
    const attributes: string[] = [];
    const text: string[] = [];
    const values: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      text.push((root instanceof Document ? root.documentElement.textContent : root.textContent) ?? '');
      for (const element of Array.from(root.querySelectorAll('*'))) {
        for (const attribute of Array.from(element.attributes)) attributes.push(`${attribute.name}=${attribute.value}`);
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) values.push(element.value);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(document);
    return { attributes: attributes.join('\n'), text: text.join('\n'), values: values.join('\n') };
  });
}

/** The text of each place the audit reads, by place. */
export async function readPlaces(page: Page, context: BrowserContext, recorder: Recorder, watch: PageWatch): Promise<Record<Place, string>> {
  await Promise.all(watch.pending);
  const storage = await readWebStorage(page);
  const dom = await readDom(page);
  return {
    [PLACES.indexedDB]: await readIndexedDB(page),
    [PLACES.cacheStorage]: await readCacheStorage(page),
    [PLACES.localStorage]: storage.localStorage,
    [PLACES.sessionStorage]: storage.sessionStorage,
    [PLACES.sessionEntry]: storage.sessionEntry,
    [PLACES.cookies]: JSON.stringify(await context.cookies()),
    [PLACES.consoleText]: recorder.console.join('\n'),
    [PLACES.consoleArguments]: watch.consoleArguments.join('\n'),
    [PLACES.domAttributes]: dom.attributes,
    [PLACES.domText]: dom.text,
    [PLACES.formValues]: dom.values,
    [PLACES.historyState]: storage.historyState,
    [PLACES.requestUrls]: recorder.requests.map((r) => r.url).join('\n'),
    [PLACES.pageUrls]: [...watch.navigations, storage.url].join('\n'),
  };
}

export interface Leak {
  place: Place;
  /** Which secret, by its index in the list given (the report never prints one). */
  secret: number;
}

/** Every place (but the allowed ones) holding one of `secrets`. */
export async function findLeaks(page: Page, context: BrowserContext, recorder: Recorder, secrets: readonly string[], watch: PageWatch): Promise<Leak[]> {
  const places = await readPlaces(page, context, recorder, watch);
  const leaks: Leak[] = [];
  secrets.forEach((secret, index) => {
    for (const [place, text] of Object.entries(places) as [Place, string][]) {
      if (text.includes(secret) && !ALLOWED[place]?.includes(secret)) leaks.push({ place, secret: index });
    }
  });
  return leaks;
}

/** Asserts that `secrets` (values and tokens) appear in no place the audit reads, but where allowed. */
export async function expectNoLeak(page: Page, context: BrowserContext, recorder: Recorder, secrets: readonly string[], watch: PageWatch) {
  const leaks = await findLeaks(page, context, recorder, secrets, watch);
  expect(leaks.map(({ place, secret }) => `"${secrets[secret]!.slice(0, 8)}…" in ${place}`)).toEqual([]);
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
