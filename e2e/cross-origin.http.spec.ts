import { PATHS } from '../src/api/contract-http';
import { test, expect, row, signInWithToken } from './fixtures';
import { expectTokensOnlyInAuthorization } from './audit';
import { HTTP_FAKE_URL } from './constants';

/**
 * The API called cross-origin: the base URL set under "Advanced" to the fake's own origin (it
 * allows local origins in CORS), no proxy in between. Listing, revealing and setting a value work,
 * and the token travels only in `Authorization`, only to that origin.
 */
const APP = 'app_0080';

test('signed in with the API base URL set to another origin: list, reveal and set a value over CORS', async ({ page, recorder, baseURL }) => {
  const value = `cross-origin-${Date.now().toString(36)}`;
  await signInWithToken(page, 'demo-token', { writeToken: 'demo-token', baseUrl: HTTP_FAKE_URL });
  await page.goto(`/apps/${APP}/development`);
  const table = page.getByRole('table', { name: 'Secrets in Development' });
  await expect(table).toBeVisible();

  // The first secret of the list, by its link.
  const key = (await table.getByRole('row').nth(1).getByRole('link').first().textContent())!;
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(key);
  const keyRow = row(page, key);
  await expect(keyRow).toBeVisible();

  // Set a value, then reveal it.
  await keyRow.getByRole('button', { name: `Edit ${key}` }).click();
  const editor = page.getByRole('dialog', { name: `Set ${key} in Development` });
  await editor.getByRole('textbox', { name: 'New value' }).fill(value);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${key} in Development.`)).toBeVisible();
  await keyRow.getByRole('button', { name: `Reveal ${key}` }).click();
  await expect(keyRow.getByLabel(`Value of ${key}`, { exact: true })).toHaveText(value);
  await keyRow.getByRole('button', { name: `Hide ${key}` }).click();
  await expect(keyRow.getByLabel(`Value of ${key}`, { exact: true })).toHaveCount(0);

  // Every API call went straight to the fake's origin; none went through the preview's /api proxy.
  const apiCalls = recorder.requests.filter((r) => r.url.startsWith(`${HTTP_FAKE_URL}/`));
  const methods = new Set(apiCalls.map((r) => `${r.method} ${new URL(r.url).pathname.replace(/\/secrets\/[^/]+\/environments\//, '/secrets/:secretId/environments/')}`));
  expect(methods).toContain('GET /environments');
  expect(methods).toContain(`GET /apps/${APP}/secrets/rendered`);
  expect(methods).toContain(`PUT ${PATHS.values.replace(':appId', APP).replace(':envId', 'env_dev')}`);
  expect(apiCalls.some((r) => new URL(r.url).searchParams.get('mode') === 'Full')).toBe(true);
  expect(recorder.requests.filter((r) => r.url.startsWith(`${baseURL}/api/`))).toEqual([]);

  // The token: only in Authorization, only to the fake's origin; nothing to the preview origin carries one.
  expectTokensOnlyInAuthorization(recorder, [`${HTTP_FAKE_URL}/`]);
  const withToken = recorder.requests.filter((r) => r.headers['authorization']);
  expect(withToken.length).toBeGreaterThan(0);
  for (const r of withToken) expect(new URL(r.url).origin, r.url).toBe(HTTP_FAKE_URL);
  for (const r of recorder.requests.filter((r) => r.url.startsWith(`${baseURL}/`))) {
    expect(r.headers['authorization'], r.url).toBeUndefined();
  }
});
