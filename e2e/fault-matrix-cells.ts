/**
 * The fault matrix's cells and the helpers its spec uses (fault-matrix.http.spec.ts): which faults
 * apply to which operation, the rule injected for each, how to recognise the operation's requests
 * and the message each cell must show.
 */
import type { APIRequestContext, Locator, Page, Request } from '@playwright/test';
import { PATHS } from '../src/api/contract-http';
import { expect, HTTP_SESSION, row, contractPathPattern } from './fixtures';
import { SESSION_KEY } from './audit';
import { expectNoViolations } from './axe';
import { HTTP_FAKE_URL } from './constants';
export type Op = 'list' | 'reveal' | 'revealall' | 'copy' | 'create' | 'set';
export type FaultName = '401' | '403' | '404' | '409' | '429' | '500' | '503' | 'timeout' | 'network' | 'malformed' | 'schema';

export const OPS: readonly Op[] = ['list', 'reveal', 'revealall', 'copy', 'create', 'set'];
/** Reads that go through react-query's retry policy (copy is a one-shot read, see ²). */
export const RETRIED_READS: readonly Op[] = ['list', 'reveal', 'revealall'];
export const RETRIED_FAULTS: readonly FaultName[] = ['429', '500', '503', 'timeout', 'network'];
export const READ_TOKEN = HTTP_SESSION.readToken;
export const ENV_ID = 'env_dev';
export const ENV_SLUG = 'development';
export const ENV_LABEL = 'Development';

export interface Cell {
  op: Op;
  fault: FaultName;
  app: string;
}

/**
 * The cells: one per operation × fault class where the behaviour differs. Classes the app handles
 * by one code path keep one representative: 500 and 503 are both "a 5xx" (503 kept); "network"
 * reaches the browser as the proxy's 502, a 5xx again (kept on the list, where the proxy path is
 * proven); malformed and schema are both "an unexpected body" (both on the list, one elsewhere);
 * reveal all fetches and retries like reveal one (kept where its own alert and Retry differ); a
 * reveal retries by the list's policy (Retry-After proven on the list, a 5xx and "no answer" kept
 * for the row's own progress and error); and 404 and 429 outside the list are another status
 * with the server's message (403 and 5xx kept). Each
 * cell runs on its own app so parallel cells never share a rule.
 */
const KEPT: Record<Op, readonly FaultName[]> = {
  list: ['401', '403', '404', '429', '503', 'timeout', 'network', 'malformed', 'schema'],
  reveal: ['401', '403', '503', 'timeout', 'schema'],
  revealall: ['403', '503', 'timeout'],
  copy: ['401', '403', '503', 'malformed'],
  create: ['401', '403', '409', '503', 'schema'],
  set: ['401', '403', '503', 'timeout'],
};

/** Faults that are no fault for an operation: a 409 outside create; a 2xx body a set value does not read. */
export function applies(op: Op, fault: FaultName): boolean {
  if (fault === '409') return op === 'create';
  if (op === 'set') return fault !== 'malformed' && fault !== 'schema';
  return true;
}

export const CELLS: Cell[] = OPS.flatMap((op) => KEPT[op].filter((fault) => applies(op, fault)).map((fault) => ({ op, fault })))
  .map((cell, i) => ({ ...cell, app: `app_${String(i + 2).padStart(4, '0')}` }));

export function isStatus(fault: FaultName): boolean {
  return /^\d+$/.test(fault);
}

export function retried({ op, fault }: Cell): boolean {
  return RETRIED_READS.includes(op) && RETRIED_FAULTS.includes(fault);
}

/**
 * "No answer" on a reveal is injected once: the first attempt times out (2 s), the retry 0.5 s
 * later answers, and the user sees progress then the value (exhausting four 2 s timeouts is
 * proven once, on the list, to keep the matrix fast).
 */
export function recovers({ op, fault }: Cell): boolean {
  return fault === 'timeout' && (op === 'reveal' || op === 'revealall');
}

export function faultBody(cell: Cell): Record<string, unknown> {
  switch (cell.fault) {
    case 'timeout':
      return { kind: 'hang' };
    case 'network':
      return { kind: 'network' };
    case 'malformed':
      return { kind: 'malformed-json' };
    case 'schema':
      return { kind: 'schema-break' };
    default: {
      const status = Number(cell.fault);
      return {
        kind: 'status',
        status,
        ...(status === 429 ? { retryAfter: 1 } : {}),
        body: { message: `Injected ${status} for ${cell.op}`, requestId: `req_${cell.op}_${status}` },
      };
    }
  }
}

export function pathPattern({ op, app }: Cell): string {
  if (op === 'create') return `^(/api)?${contractPathPattern(PATHS.secrets, { appId: app })}$`;
  if (op === 'set') return `^(/api)?${contractPathPattern(PATHS.values, { appId: app, envId: ENV_ID })}$`;
  return `^(/api)?${contractPathPattern(PATHS.rendered, { appId: app })}$`;
}

export function faultRule(cell: Cell) {
  const { op } = cell;
  const method = op === 'create' ? 'POST' : op === 'set' ? 'PUT' : 'GET';
  const mode = op === 'list' ? 'PreviewOnly' : op === 'create' || op === 'set' ? undefined : 'Full';
  return {
    match: { method, pathPattern: pathPattern(cell), ...(mode ? { mode } : {}) },
    fault: faultBody(cell),
    times: retried(cell) && !recovers(cell) ? 4 : 1,
  };
}

/** Is this browser request one of the operation's own (the endpoint the fault targets)? */
export function isOpRequest(cell: Cell, key: string, request: Request): boolean {
  return isOpFetch(cell, key, request.method(), request.url());
}

export function isOpFetch(cell: Cell, key: string, method: string, href: string): boolean {
  const url = new URL(href);
  const names = url.searchParams.getAll('secret-name-filter');
  const mode = url.searchParams.get('mode');
  switch (cell.op) {
    case 'create':
      return method === 'POST' && url.pathname === `/api/apps/${cell.app}/secrets`;
    case 'set':
      return method === 'PUT' && new RegExp(`^/api${contractPathPattern(PATHS.values, { appId: cell.app, envId: ENV_ID })}$`).test(url.pathname);
    default: {
      if (method !== 'GET' || url.pathname !== `/api/apps/${cell.app}/secrets/rendered`) return false;
      if (cell.op === 'list') return mode === 'PreviewOnly' && names.length === 0;
      if (cell.op === 'revealall') return mode === 'Full' && names.length === 0;
      return mode === 'Full' && names.length === 1 && names[0] === key;
    }
  }
}

/** The message a cell must show (the alert's text). */
export function expectedMessage(cell: Cell): RegExp {
  switch (cell.fault) {
    case 'timeout':
      return /The API did not answer in time \((list secrets|reveal secrets|create secret|set secret value)\)\. Try again\./;
    case 'network':
      return /The server failed to (list secrets|reveal secrets|create secret|set secret value) \(HTTP 502\)\. Try again in a moment\./;
    case 'malformed':
      return /Unexpected response from the API \([a-z ]+\): a body that is not JSON\./;
    case 'schema':
      return /Unexpected response from the API \([a-z ]+\): a body that does not match the contract\./;
    default:
      return new RegExp(`Injected ${cell.fault} for ${cell.op}`);
  }
}

export interface RenderedSecret {
  key: string;
  secretId: string;
  valueType: string;
  serializedValue?: string;
}

/** The app's clear values in Development, read straight from the fake before the fault is set. */
export async function appSecrets(request: APIRequestContext, app: string): Promise<RenderedSecret[]> {
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${app}/secrets/rendered?environment=${ENV_ID}&mode=Full`, {
    headers: { Authorization: `Bearer ${READ_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { secrets: RenderedSecret[] }).secrets;
}


/** Where the cell's error shows: one alert, identified by its headline. */
export function errorAlert(page: Page, cell: Cell, key: string, name: string): Locator {
  const alerts = page.getByRole('alert');
  switch (cell.op) {
    case 'list':
      return alerts.filter({ hasText: cell.fault === '403' ? `Your token may not read ${ENV_LABEL} of this app` : 'Could not load secrets' });
    case 'reveal':
      return row(page, key).getByRole('alert').filter({ hasText: 'Could not reveal:' });
    case 'revealall':
      return alerts.filter({ hasText: 'Could not reveal the values' });
    case 'copy':
      return alerts.filter({ hasText: `Could not copy ${key}:` });
    case 'create':
      return page.getByRole('dialog', { name: 'New secret' }).getByRole('alert').filter({ hasText: cell.fault === '409' ? `${name} already exists` : 'Could not create the secret' });
    case 'set':
      return page.getByRole('dialog', { name: `Set ${key} in ${ENV_LABEL}` }).getByRole('alert').filter({ hasText: `Could not save ${key} in ${ENV_LABEL}` });
  }
}

declare global {
  interface Window {
    __faultMatrixFetches?: Array<{ url: string; method: string; at: number }>;
  }
}

/** Records when the page calls fetch (URL and method only), to time retries precisely. */
export function recordFetchStarts() {
  const log: Array<{ url: string; method: string; at: number }> = [];
  window.__faultMatrixFetches = log;
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    log.push({ url, method: (init?.method ?? 'GET').toUpperCase(), at: performance.now() });
    return original(input, init);
  };
}

/** Page-side start times of the operation's fetches. */
export async function fetchStarts(page: Page, cell: Cell, key: string): Promise<number[]> {
  const log = await page.evaluate(() => window.__faultMatrixFetches ?? []);
  return log.filter((f) => isOpFetch(cell, key, f.method, f.url)).map((f) => f.at);
}

export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/**
 * A 401 on a write while its dialog holds typed input: the prompt asks for the Write token only
 * (axe-clean, by keyboard), the session stays, the dialog keeps what was typed and says the session
 * was renewed, and sending again saves with exactly one more request.
 */
export async function signInAgainAndSave(
  page: Page,
  op: 'create' | 'set',
  { key, newName, typed, sent, forbidden }: { key: string; newName: string; typed: string; sent: Request[]; forbidden: string[] },
) {
  const prompt = page.getByRole('dialog', { name: 'Sign in again to keep your work' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('The API refused your Write token. What you typed is kept');
  expect(sent).toHaveLength(1);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), SESSION_KEY), 'the session stays').not.toBeNull();
  const text = await visibleText(page);
  for (const secret of forbidden) expect(text.includes(secret), `"${secret.slice(0, 10)}…" on screen`).toBe(false);
  if (op === 'set') await expectNoViolations(page, 'the re-authentication prompt');
  const field = prompt.getByLabel(/^Write token/);
  await expect(field).toBeFocused();
  await page.keyboard.type(HTTP_SESSION.writeToken!);
  await page.keyboard.press('Enter');
  await expect(prompt).toBeHidden();

  const dialog = page.getByRole('dialog', { name: op === 'create' ? 'New secret' : `Set ${key} in ${ENV_LABEL}` });
  await expect(dialog.getByRole('status').filter({ hasText: 'Your session was renewed' })).toContainText('has not been saved yet');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  if (op === 'create') {
    await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue(newName);
    await expect(dialog.getByRole('textbox', { name: `Initial value in ${ENV_LABEL}` })).toHaveValue(typed);
    await dialog.getByRole('button', { name: 'Create secret' }).click();
    await expect(page.getByText(`Created ${newName}.`)).toBeVisible();
  } else {
    await expect(dialog.getByRole('textbox', { name: 'New value' })).toHaveValue(typed);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Saved the new value of ${key} in ${ENV_LABEL}.`)).toBeVisible();
  }
  await expect(dialog).toBeHidden();
  expect(sent, `${op} requests after signing in again`).toHaveLength(2);
}
