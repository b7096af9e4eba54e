import type { APIRequestContext } from '@playwright/test';
import { test, expect, contractPathPattern, HTTP_SESSION, injectHttpFault, remainingHttpFaults, row, signInWithToken, startSignedIn } from './fixtures';
import { PATHS } from '../src/api/contract-http';
import { HTTP_FAKE_URL, HTTP_ENVS as ENVS } from './constants';

/**
 * A secret's page against what a real service may lack, over real HTTP: the secret-detail endpoint
 * (the page is then built from the environments' lists), or a read token (a write-only token sets
 * values it may not see). Each test has an app of its own: fault rules are scoped to it.
 */
const MASK = '••••••••';

interface Rendered {
  key: string;
  secretId: string;
  serializedValue?: string;
}

// One journey of two sessions: more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

/** An environment's clear values, from the fake directly (not through the app). */
async function fullList(request: APIRequestContext, app: string, envId: string, key?: string): Promise<Rendered[]> {
  const query = new URLSearchParams({ environment: envId, mode: 'Full', ...(key ? { 'secret-name-filter': key } : {}) });
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${app}/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { secrets: Rendered[] }).secrets;
}

/** The app's name, as the app bar shows it. */
async function appName(request: APIRequestContext, app: string): Promise<string> {
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${app}?identifierType=Identifier`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { name: string }).name;
}

/** A `pathPattern` for the detail endpoint of one app's secrets (not its rendered lists). */
function detailPattern(app: string): string {
  return `^(/api)?${contractPathPattern(PATHS.secrets, { appId: app })}/(?!rendered$)[^/]+$`;
}

test('a service without the secret-detail endpoint: the page from the lists, the endpoint asked once per session, a secret no list has; a write-only token: values set without seeing anything, detail endpoint or not', async ({ page, request }) => {
  const app = 'app_0079';
  const lists = await Promise.all(ENVS.map((env) => fullList(request, app, env.id)));
  const [dev] = lists;
  // A secret with a value in Development and none somewhere else, and another one.
  const target = dev!.find((s) => s.serializedValue !== undefined && s.serializedValue.length >= 8 && lists.some((list) => list.find((o) => o.key === s.key)?.serializedValue === undefined))!;
  expect(target, `a secret of ${app} set in Development and unset elsewhere`).toBeDefined();
  const unset = ENVS[lists.findIndex((list) => list.find((o) => o.key === target.key)?.serializedValue === undefined)]!;
  const other = dev!.find((s) => s.key !== target.key)!;
  const detailCalls: string[] = [];
  page.on('request', (r) => {
    // API calls only (under /api), not the page loads of the same path.
    const path = new URL(r.url()).pathname;
    if (r.method() === 'GET' && path.startsWith('/api/') && new RegExp(detailPattern(app)).test(path)) detailCalls.push(path.split('/').at(-1)!);
  });
  await startSignedIn(page, HTTP_SESSION);

  // A read token. An id no list has: it does not exist.
  await page.goto(`/apps/${app}/secrets/sec_does_not_exist`);
  await expect(page.getByText('This secret does not exist (any more)')).toBeVisible();

  // The service answers 404 where the detail endpoint would be: the page comes from the lists.
  const pattern = detailPattern(app);
  await injectHttpFault(request, { match: { method: 'GET', pathPattern: pattern }, fault: { kind: 'status', status: 404, body: { message: 'No route' } }, times: 1 });
  await page.goto(`/apps/${app}/secrets/${target.secretId}`);
  await expect(page.getByRole('heading', { level: 1, name: target.key })).toBeVisible();
  await expect(page.getByText(/^Purpose:/)).toHaveCount(0);
  const development = page.getByRole('region', { name: 'Development' });
  // Masked as the list has it (a preview at most), never the value.
  await expect(development.getByLabel('Masked value in Development')).toContainText(MASK);
  await expect(development.getByLabel('Masked value in Development')).not.toContainText(target.serializedValue!);
  await expect(page.getByRole('region', { name: unset.label }).getByText('Not set')).toBeVisible();
  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(development.getByLabel('Value in Development', { exact: true })).toHaveText(target.serializedValue!);

  const rotated = `rotated-without-detail-${Date.now().toString(36)}`;
  await development.getByRole('button', { name: 'Replace value in Development' }).click();
  const editor = page.getByRole('dialog', { name: `Set ${target.key} in Development` });
  await editor.getByRole('textbox', { name: 'New value' }).fill(rotated);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${target.key} in Development.`)).toBeVisible();
  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(development.getByLabel('Value in Development', { exact: true })).toHaveText(rotated);
  expect(await remainingHttpFaults(request, pattern), 'fault rule consumed').toEqual([]);

  // Another secret later in the session: straight from the lists (the endpoint, which would answer
  // now, is not asked again: no purpose shown).
  await page.getByRole('banner').getByRole('link', { name: await appName(request, app), exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(other.key);
  await row(page, other.key).getByRole('link', { name: other.key }).click();
  await expect(page.getByRole('heading', { level: 1, name: other.key })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Development' })).toBeVisible();
  await expect(page.getByText(/^Purpose:/)).toHaveCount(0);
  expect(detailCalls).toEqual(['sec_does_not_exist', target.secretId]);

  // A write-only token (signed in with it alone): values set per environment without seeing anything.
  const writeApp = 'app_0078';
  const [first, second] = await fullList(request, writeApp, 'env_dev');
  const blind = `written-blind-${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithToken(page, 'demo-write-token');
  await page.goto(`/apps/${writeApp}/secrets/${first!.secretId}`);
  await expect(page.getByText('Name and values are not shown')).toBeVisible();
  await expect(page.getByText(/a Write token cannot read names or values/)).toBeVisible();
  const qa = page.getByRole('region', { name: 'QA' });
  await qa.getByRole('button', { name: 'Set or replace value in QA' }).click();
  const blindEditor = page.getByRole('dialog', { name: 'Set this secret in QA' });
  await blindEditor.getByRole('textbox', { name: 'New value' }).fill(blind);
  await blindEditor.getByRole('button', { name: 'Save' }).click();
  await expect(blindEditor).toBeHidden();
  await expect(page.getByText('Saved the new value of this secret in QA.')).toBeVisible();
  // Written (the fake tells, with a read token), and neither the name nor a value shown.
  const [written] = await fullList(request, writeApp, 'env_qa', first!.key);
  expect(written?.serializedValue).toBe(blind);
  expect(await page.content()).not.toContain(first!.key);

  // The service has no detail endpoint (405): the same page.
  const writePattern = detailPattern(writeApp);
  await injectHttpFault(request, { match: { method: 'GET', pathPattern: writePattern }, fault: { kind: 'status', status: 405 }, times: 1 });
  await page.goto(`/apps/${writeApp}/secrets/${second!.secretId}`);
  await expect(page.getByText('Name and values are not shown')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Production' }).getByRole('button', { name: 'Set or replace value in Production' })).toBeVisible();
  expect(await remainingHttpFaults(request, writePattern), 'fault rule consumed').toEqual([]);
  expect(await page.content()).not.toContain(second!.key);
});
