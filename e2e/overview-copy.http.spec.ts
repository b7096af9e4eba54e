import type { APIRequestContext } from '@playwright/test';
import { PATHS, VALUE_TYPE } from '../src/api/contract';
import { expectNoViolations } from './axe';
import { HTTP_FAKE_URL } from './constants';
import { test, expect, contractPathPattern, HTTP_SESSION, injectHttpFault, row, startSignedIn } from './fixtures';

/** An app no other spec touches: its fault rule and the values written here concern nobody else. */
const APP = 'app_0072';
const STAGING = 'env_staging';
const PRODUCTION = 'env_prod';

interface FullSecret {
  key: string;
  secretId: string;
  valueType: string;
  serializedValue?: string;
}

/** An environment's clear values, read from the fake directly (never through the page). */
async function fullList(request: APIRequestContext, envId: string): Promise<Map<string, FullSecret>> {
  const query = new URLSearchParams({ environment: envId, mode: 'Full' });
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${APP}/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  const { secrets } = (await response.json()) as { secrets: FullSecret[] };
  return new Map(secrets.map((secret) => [secret.key, secret]));
}

const valueOf = (secret: FullSecret | undefined) => (secret && secret.valueType !== VALUE_TYPE.none ? (secret.serializedValue ?? '') : undefined);

test('copy three values from Staging into Production: preview by category, production asks again, one write fails, its retry meets a 401 and goes on after the token is given again, no value in the page', async ({ page, request }) => {
  const [staging, production] = await Promise.all([fullList(request, STAGING), fullList(request, PRODUCTION)]);
  // Keys with a Staging value that Production lacks (new) or holds differently (replace); new ones first.
  const candidates = [...staging.values()].filter((secret) => valueOf(secret) !== undefined && valueOf(secret) !== valueOf(production.get(secret.key)));
  candidates.sort((a, b) => Number(valueOf(production.get(a.key)) !== undefined) - Number(valueOf(production.get(b.key)) !== undefined));
  const chosen = candidates.slice(0, 3);
  expect(chosen, `three keys of ${APP} whose Staging value Production lacks or differs from`).toHaveLength(3);
  const added = chosen.filter((secret) => valueOf(production.get(secret.key)) === undefined).length;
  const failing = chosen[1]!;

  await startSignedIn(page, HTTP_SESSION);
  await page.goto(`/apps/${APP}`);
  const table = page.getByRole('table', { name: 'Secrets by environment' });
  await expect(table.getByRole('columnheader', { name: 'Production', exact: true })).toContainText(/missing/);

  // Select each key where a search shows it: the selection outlives the filter.
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  for (const { key } of chosen) {
    await search.fill(key);
    await row(page, key).getByRole('checkbox', { name: `Select ${key}`, exact: true }).check();
  }
  await search.fill('');
  await expect(table.getByRole('checkbox', { name: 'Select all shown keys' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Copy values (3 keys)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Copy values' });
  await dialog.getByLabel('From').selectOption({ label: 'Staging' });
  await dialog.getByLabel('To').selectOption({ label: 'Production' });
  if (added > 0) await expect(dialog.getByRole('region', { name: `${added === 1 ? '1 key' : `${added} keys`} new in Production` })).toBeVisible();
  if (added < 3) await expect(dialog.getByRole('region', { name: `${3 - added === 1 ? '1 key' : `${3 - added} keys`} will replace a different value` })).toBeVisible();
  for (const { key } of chosen) await expect(dialog.getByRole('listitem').filter({ hasText: new RegExp(`^${key}$`) })).toHaveCount(1);
  await expectNoViolations(page, 'the Copy values dialog');

  // One write fails once; Production asks again before anything is written.
  await injectHttpFault(request, {
    match: { method: 'PUT', pathPattern: `^(/api)?${contractPathPattern(PATHS.values, { appId: APP, secretId: failing.secretId, envId: PRODUCTION })}$` },
    fault: { kind: 'status', status: 500, body: { message: 'The store hiccuped', requestId: 'req_copy_500' } },
    times: 1,
  });
  await dialog.getByRole('button', { name: 'Copy 3 values' }).click();
  await dialog.getByRole('button', { name: 'Copy into Production' }).click();
  const status = dialog.getByRole('status').filter({ hasText: /^Copied/ });
  await expect(status).toHaveText('Copied 2 of 3 values, 1 failed.');
  await expect(dialog.getByRole('list', { name: 'Failed keys' })).toContainText(`${failing.key}: The store hiccuped (request id req_copy_500)`);

  // The retry meets a 401: only the Write token is asked for again, over the page, and the run goes on.
  const failingPath = `^(/api)?${contractPathPattern(PATHS.values, { appId: APP, secretId: failing.secretId, envId: PRODUCTION })}$`;
  await injectHttpFault(request, { match: { method: 'PUT', pathPattern: failingPath }, fault: { kind: 'status', status: 401 }, times: 1 });
  await dialog.getByRole('button', { name: 'Retry the failed ones' }).click();
  const prompt = page.getByRole('dialog', { name: 'Sign in again to keep your work' });
  await expect(prompt).toBeVisible();
  // The prompt hides the page from assistive tech meanwhile: the copy's own status is read by its text.
  await expect(page.getByText(/^Written 2 of 3….*Waiting for the token to be given again\.$/)).toBeVisible();
  await prompt.getByLabel(/^Write token/).fill(HTTP_SESSION.writeToken!);
  await prompt.getByLabel(/^Write token/).press('Enter');
  await expect(prompt).toBeHidden();
  await expect(status).toHaveText('Copied 3 of 3 values.');
  await expect(dialog.getByRole('button', { name: 'Retry the failed ones' })).toHaveCount(0);

  // The fake now holds Staging's values in Production; the page never showed one.
  const after = await fullList(request, PRODUCTION);
  for (const { key } of chosen) expect(valueOf(after.get(key)), key).toBe(valueOf(staging.get(key)));
  const html = await page.content();
  for (const { key } of chosen) {
    expect(html).not.toContain(valueOf(staging.get(key))!);
    const old = valueOf(production.get(key));
    if (old !== undefined) expect(html).not.toContain(old);
  }

  // Production's list was refreshed: a key copied there is no longer missing.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await search.fill(chosen[0]!.key);
  await expect(row(page, chosen[0]!.key).getByRole('cell').nth(3)).not.toContainText('missing');
});
