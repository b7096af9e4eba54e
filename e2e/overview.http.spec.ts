import type { APIRequestContext } from '@playwright/test';
import { PATHS, VALUE_TYPE } from '../src/api/contract';
import { expectNoViolations } from './axe';
import { GAPS_APP, HTTP_FAKE_URL, HTTP_ENVS as ENVS } from './constants';
import { test, expect, contractPathPattern, HTTP_SESSION, injectHttpFault, row, startSignedIn } from './fixtures';

/**
 * The app's overview over real HTTP, on the fake's gaps app (values missing in some environments;
 * no other spec uses it, so its fault rules and writes touch nobody else's data).
 */
const PRODUCTION = 3;

/** The keys without a value in an environment, from the fake directly (masked: no value is read). */
async function missingKeys(request: APIRequestContext, envId: string): Promise<{ key: string; secretId: string }[]> {
  const query = new URLSearchParams({ environment: envId, mode: 'PreviewOnly' });
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${GAPS_APP}/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  const { secrets } = (await response.json()) as { secrets: { key: string; secretId: string; valueType: string }[] };
  return secrets.filter((secret) => secret.valueType === VALUE_TYPE.none);
}

const missingText = (count: number) => (count === 0 ? 'None missing' : `${count} missing`);

test('the overview: a failed environment retried in its column, missing counts, “missing in Production” from the URL, Set value in a missing cell, presenting, axe, 360 px', async ({ page, request, recorder }) => {
  const missing = await Promise.all(ENVS.map((env) => missingKeys(request, env.id)));
  const target = missing[PRODUCTION]![0]!;
  expect(target, `a key of ${GAPS_APP} without a value in Production`).toBeDefined();
  await startSignedIn(page, HTTP_SESSION);
  // The first list asked for fails (not retried: a 403); the others load.
  await injectHttpFault(request, {
    match: { method: 'GET', pathPattern: `^(/api)?${contractPathPattern(PATHS.rendered, { appId: GAPS_APP })}$` },
    fault: { kind: 'status', status: 403, body: { message: 'Not for this token today', requestId: 'req_overview_403' } },
  });
  await page.goto(`/apps/${GAPS_APP}?missing=production`);

  const table = page.getByRole('table', { name: 'Secrets by environment' });
  const failed = table.getByRole('columnheader').filter({ hasText: 'Not loaded' });
  await expect(failed).toHaveCount(1);
  const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
  await expect(alert).toContainText('Not for this token today');
  await expect(alert).toContainText('req_overview_403');
  await failed.getByRole('button', { name: /^Retry / }).click();
  await expect(failed).toHaveCount(0);
  await expect(alert).toHaveCount(0);

  // One column per environment, named by its label, with how many keys are missing there.
  await expect(table.getByRole('columnheader')).toHaveCount(ENVS.length + 1);
  for (const [i, env] of ENVS.entries()) {
    await expect(table.getByRole('columnheader', { name: env.label, exact: true })).toContainText(missingText(missing[i]!.length));
  }
  // The filter from the URL: only the keys missing in Production.
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('production');
  await expect(table).toHaveAttribute('aria-rowcount', String(missing[PRODUCTION]!.length + 1));
  await expect(table.getByRole('row')).toHaveCount(missing[PRODUCTION]!.length + 1);
  const targetRow = row(page, target.key);
  await expect(targetRow.getByRole('link', { name: target.key })).toHaveAttribute('href', `/apps/${GAPS_APP}/secrets/${target.secretId}`);
  await expect(targetRow.getByRole('cell').nth(PRODUCTION)).toContainText('missing');
  await expectNoViolations(page, 'overview');

  // Import from the overview: into an environment chosen in the dialog, not production unless chosen.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import secrets' });
  await expect(importDialog.getByRole('combobox', { name: 'Into environment' })).toHaveValue(ENVS[0]!.id);
  await importDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(importDialog).toBeHidden();

  // Set value in the missing cell: production asks again; then the cell shows the masked preview.
  await targetRow.getByRole('button', { name: `Set value of ${target.key} in Production` }).click();
  const editor = page.getByRole('dialog', { name: `Set ${target.key} in Production` });
  await editor.getByRole('textbox', { name: 'New value' }).fill('overview-set-value');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.getByRole('button', { name: 'Set value in Production' }).click();
  await expect(editor).toBeHidden();
  // The row left the “missing in Production” list: focus goes back to the table, not to the page.
  await expect(table).toBeFocused();
  await page.getByLabel('Show', { exact: true }).selectOption('');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(target.key);
  await expect(targetRow.getByRole('cell').nth(PRODUCTION)).toHaveText('ov••••••••');
  await expect(table.getByRole('columnheader', { name: 'Production', exact: true })).toContainText(missingText(missing[PRODUCTION]!.length - 1));
  await expect(page).toHaveURL(new RegExp(`/apps/${GAPS_APP}\\?q=${target.key}$`));
  // Presenting: no preview is drawn, in any cell.
  await page.keyboard.press('Alt+Shift+P');
  await expect(targetRow.getByRole('cell')).toHaveText(Array(ENVS.length).fill(/^(••••••••|missing.*)$/));
  await page.keyboard.press('Alt+Shift+P');

  // A phone: the table scrolls sideways in its box, the page does not; the key stays in view.
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(targetRow.getByRole('link', { name: target.key })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  await targetRow.getByRole('cell').nth(PRODUCTION).scrollIntoViewIfNeeded();
  await expect(targetRow.getByRole('cell').nth(PRODUCTION)).toBeInViewport();
  await expect(targetRow.getByRole('link', { name: target.key })).toBeInViewport();
  // Only masked lists: not one request for clear values.
  expect(recorder.fullRequests()).toEqual([]);
});
