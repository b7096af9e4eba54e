import type { Page } from '@playwright/test';
import { test, expect, row, signInWithToken } from './fixtures';
import { expectTokensOnlyInAuthorization } from './audit';
import { CANARY } from './constants';
import { appSecrets } from './fault-matrix-cells';

/**
 * A direct load of a secrets page over real HTTP: the route's loader asks for the environment
 * list, the app and the masked list once each; the rows show and reveal; nothing is logged as an
 * error. The canary secrets of the first app give a known value to reveal.
 */
const APP = 'app_payments';
const KEY = 'CANARY_TOKEN_1';

/** From now on, the page's API calls as "METHOD /path?query" (below /api), in the order sent. */
function recordApiCalls(page: Page, baseURL: string): string[] {
  const prefix = `${baseURL}/api`;
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(`${prefix}/`)) calls.push(`${request.method()} ${request.url().slice(prefix.length)}`);
  });
  return calls;
}

/** Console errors and uncaught exceptions of the page, from now on. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

test('a direct load of a secrets page: its data asked for once each, rows that reveal, no console error', async ({ page, recorder, baseURL, request }) => {
  const errors = recordErrors(page);
  await signInWithToken(page, 'demo-token');
  // Off the apps page first: its calls are not counted.
  await page.goto('about:blank');
  const calls = recordApiCalls(page, baseURL!);
  await page.goto(`/apps/${APP}/development`);

  const table = page.getByRole('table', { name: 'Secrets in Development' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // The heading names the app by its name (from the app request), not by the id in the URL.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Development');
  await expect(heading).not.toContainText(APP);
  // Masked: no clear value of the app is in the page (the canary included).
  const html = await page.content();
  const clearValues = (await appSecrets(request, APP)).map((s) => s.serializedValue ?? '').filter((v) => v.length >= 8);
  expect(clearValues).toContain(CANARY);
  for (const value of clearValues) expect(html.includes(value), `"${value.slice(0, 10)}…" in the masked page`).toBe(false);

  await page.getByRole('searchbox', { name: 'Search keys' }).fill(KEY);
  const keyRow = row(page, KEY);
  await keyRow.getByRole('button', { name: `Reveal ${KEY}` }).click();
  await expect(keyRow.getByLabel(`Value of ${KEY}`, { exact: true })).toHaveText(CANARY);

  // By now the page has rendered, searched and revealed: a repeated first-load call would be here.
  const full = calls.filter((call) => call.includes('mode=Full'));
  expect(full).toHaveLength(1);
  expect(calls.filter((call) => !full.includes(call)).sort()).toEqual(
    [
      'GET /environments',
      `GET /apps/${APP}?identifierType=Identifier`,
      `GET /apps/${APP}/secrets/rendered?environment=env_dev&mode=PreviewOnly`,
    ].sort(),
  );
  expectTokensOnlyInAuthorization(recorder, [`${baseURL}/api/`]);
  expect(errors).toEqual([]);
});

test('an unknown environment slug: the page says so, and no masked list is asked for', async ({ page, baseURL }) => {
  await signInWithToken(page, 'demo-token');
  await page.goto('about:blank');
  const calls = recordApiCalls(page, baseURL!);
  await page.goto(`/apps/${APP}/no-such-env`);
  // The loader decides before the page renders: had it asked for a list, the call would be recorded.
  await expect(page.getByText(/no-such-env/).first()).toBeVisible();
  expect(calls.filter((call) => call.includes('/secrets/rendered'))).toEqual([]);
  expect(calls.filter((call) => call === 'GET /environments')).toHaveLength(1);
});
