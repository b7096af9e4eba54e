import { test as base, expect, type APIRequestContext, type Locator, type Page, type Request } from '@playwright/test';
import { HEADERS, PATHS } from '../src/api/contract-http';
import { SESSION_KEY } from './audit';
import { HTTP_FAKE_URL } from './constants';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface Recorder {
  requests: RecordedRequest[];
  console: string[];
  /** API requests (under /api/) with `mode=Full`. */
  fullRequests(): RecordedRequest[];
  /** Forgets the console and every request reported so far, including those whose record has yet to land. */
  clear(): void;
}

async function record(request: Request): Promise<RecordedRequest> {
  return { url: request.url(), method: request.method(), headers: await request.allHeaders() };
}

/** Records every request the page makes and every console message. */
export const test = base.extend<{ recorder: Recorder }>({
  recorder: async ({ page }, use) => {
    const requests: RecordedRequest[] = [];
    const consoleMessages: string[] = [];
    const pending: Promise<unknown>[] = [];
    // A record lands once its headers are known (a protocol round trip later, or as late as the
    // answer for one the service worker serves): one made before clear() may land after it. Each
    // record belongs to the clear() period Playwright reported its request in, and is dropped if that has ended.
    let period = 0;
    page.on('request', (request) => {
      const madeIn = period;
      pending.push(
        record(request).then((r) => {
          if (madeIn === period) requests.push(r);
        }),
      );
    });
    page.on('console', (message) => consoleMessages.push(message.text()));
    page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
    await use({
      requests,
      console: consoleMessages,
      fullRequests: () => requests.filter((r) => r.url.includes('/api/') && new URL(r.url).searchParams.get('mode') === 'Full'),
      clear: () => {
        period += 1;
        requests.length = 0;
        consoleMessages.length = 0;
      },
    });
    await Promise.all(pending);
  },
});

export { expect };

/** Signs in to the demo from the sign-in page and waits for the apps list. */
export async function signInToDemo(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
}

/** A session as the app keeps it in sessionStorage (src/features/session/session-store.ts). */
export interface StoredSession {
  baseUrl: string;
  readToken: string;
  writeToken?: string;
  demo: boolean;
}

/** The session "Explore the demo" leaves behind. */
export const DEMO_SESSION: StoredSession = { baseUrl: '/api', readToken: 'demo-token', writeToken: 'demo-token', demo: true };

/** Signed in to the real API mode (the http project's fake behind the preview's /api proxy). */
export const HTTP_SESSION: StoredSession = { ...DEMO_SESSION, demo: false };

/**
 * Starts the tab signed in, without the sign-in page: the session is in sessionStorage before the
 * app's first load. Only once per tab, so a later reload finds what the app left there (nothing
 * after a sign-out or a 401).
 */
export async function startSignedIn(page: Page, session: StoredSession = DEMO_SESSION): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      try {
        if (sessionStorage.getItem('e2e.session-seeded')) return;
        sessionStorage.setItem('e2e.session-seeded', '1');
        sessionStorage.setItem(key, value);
      } catch {
        // about:blank and other opaque origins have no sessionStorage.
      }
    },
    [SESSION_KEY, JSON.stringify(session)] as const,
  );
}

/** Opens the payments app in an environment, signed in to the demo (through storage, not the sign-in page). */
export async function openDemoEnvironment(page: Page, envSlug = 'development'): Promise<void> {
  await startSignedIn(page);
  await page.goto(`/apps/app_payments/${envSlug}`);
  await expect(page.getByRole('table', { name: /Secrets in/ })).toBeVisible();
}

export function row(page: Page, key: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: key, exact: true }) });
}

/** Signs in with a token on the sign-in page (real API mode) and waits for the apps list. */
export async function signInWithToken(page: Page, token = 'demo-token', options: { writeToken?: string; baseUrl?: string } = {}): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: /^API token/ }).fill(token);
  if (options.writeToken) await page.getByLabel('Write token (optional)').fill(options.writeToken);
  if (options.baseUrl) {
    await page.getByRole('button', { name: 'Advanced' }).click();
    await page.getByLabel('API base URL').fill(options.baseUrl);
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
}

/** Every URL the main frame navigated to. */
export function trackNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  return urls;
}

/** A fault rule for the fake, in the JSON form of `POST /__fake/faults` (mocks/faults.ts `parseFaultRules`). */
export interface FakeFaultRule {
  match?: { method?: string; path?: string; pathPattern?: string; mode?: 'PreviewOnly' | 'Full' };
  fault:
    | { kind: 'network' }
    | { kind: 'status'; status: number; body?: { message?: string; requestId?: string } }
    | { kind: 'latency'; ms: number }
    | { kind: 'hang' };
  /** How many matching requests get the fault (default 1); 'Infinity' until cleared. */
  times?: number | 'Infinity';
}

/** The headers of every call to the fake's control routes (`/__fake/...`): they refuse calls without them. */
export const FAKE_CONTROL_HEADERS = { [HEADERS.contentType]: 'application/json', [HEADERS.fakeControl]: '1' };

/**
 * Programs the demo's fake API. The fake lives in the page's service worker, so the request must
 * come from the page (a `page.request` call would bypass the worker); `page.route` does not see
 * requests the worker answers either.
 */
export async function injectFault(page: Page, rule: FakeFaultRule): Promise<void> {
  await controlDemoFake(page, 'POST', 'faults', rule);
}

/**
 * Calls one of the demo fake's control routes (`/__fake/...`, mocks/control-routes.ts) from the
 * page, as injectFault does: faults, settings (latency, app listing) or a reset to another seed.
 * They live in the page (a reload starts from the demo's settings, without faults; the data itself
 * is kept in sessionStorage).
 */
export async function controlDemoFake(page: Page, method: 'POST' | 'DELETE', route: 'faults' | 'settings' | 'reset', body?: object): Promise<void> {
  const status = await page.evaluate(
    async ([url, method, headers, body]) => {
      const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return response.status;
    },
    [`${PATHS.fakeControl}/${route}`, method, FAKE_CONTROL_HEADERS, body] as const,
  );
  expect(status, `${method} /__fake/${route}`).toBeLessThan(300);
}

/** A rule in the JSON form the fakes take, as loose as the fault matrix needs (any fault body). */
export interface HttpFaultRule {
  match?: { method?: string; path?: string; pathPattern?: string; mode?: string };
  fault: object;
  times?: number | 'Infinity';
}

/**
 * Programs the http project's fake. It serves every http test at once: scope each rule to an app
 * no other test uses, let it expire by `times`, and never DELETE (other tests' rules live there too).
 */
export async function injectHttpFault(request: APIRequestContext, rule: HttpFaultRule): Promise<void> {
  const response = await request.post(`${HTTP_FAKE_URL}${PATHS.fakeControl}/faults`, { data: rule, headers: FAKE_CONTROL_HEADERS });
  expect(response.status(), 'POST /__fake/faults').toBe(201);
}

/** The http fake's rules still active for a `pathPattern` (expired ones are gone). */
export async function remainingHttpFaults(request: APIRequestContext, pattern: string): Promise<unknown[]> {
  const response = await request.get(`${HTTP_FAKE_URL}${PATHS.fakeControl}/faults`, { headers: FAKE_CONTROL_HEADERS });
  expect(response.status(), 'GET /__fake/faults').toBe(200);
  const { rules } = (await response.json()) as { rules: Array<{ match: { pathPattern?: string } }> };
  // Listed as the RegExp's source, where "/" comes back escaped: compare compiled sources.
  const source = new RegExp(pattern).source;
  return rules.filter((rule) => rule.match.pathPattern !== undefined && new RegExp(rule.match.pathPattern).source === source);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A RegExp source for a contract path template (PATHS in src/api/contract-http.ts): each `:param`
 * is the value given for it, or any one segment. Not anchored.
 */
export function contractPathPattern(template: string, params: Record<string, string> = {}): string {
  return template
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      const value = params[segment.slice(1)];
      return value === undefined ? '[^/]+' : escapeRegExp(value);
    })
    .join('/');
}

/** A fault rule's `pathPattern` for setting a value (any app and secret; one environment when given). */
export function setValuePattern(envId?: string): string {
  return `${contractPathPattern(PATHS.values, envId === undefined ? {} : { envId })}$`;
}

/**
 * Reloads the page and answers the browser's leave prompt with Stay. The prompt shows only after
 * a user gesture on the page: `gesture` is clicked first (a field the user typed into).
 */
export async function reloadAndStay(page: Page, gesture: Locator): Promise<void> {
  const prompt = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await gesture.click();
  await page.evaluate(() => location.reload());
  expect(await prompt).toBe('beforeunload');
}
