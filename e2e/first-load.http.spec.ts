import { test, expect, signInWithToken } from './fixtures';
import { expectTokensOnlyInAuthorization } from './audit';

/**
 * A direct load of a secrets page (#6): the entry chunk sends the environment list, the app and
 * then the masked list before the app's code has loaded, and the app takes those responses
 * instead of asking again — one request each, the token only in Authorization.
 */
const APP = 'app_0079';

test('a direct load of a secrets page asks for the environments, the app and the masked list once each', async ({ page, recorder, baseURL }) => {
  await signInWithToken(page, 'demo-token');
  // Leave the apps page and let its requests settle (the recorder logs a request asynchronously).
  await page.goto('about:blank');
  await page.waitForTimeout(200);
  recorder.clear();
  await page.goto(`/apps/${APP}/development`);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  // The header names the app by its name (from the app request), not by the id in the URL.
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/ · Development$/);
  await expect(heading).not.toContainText(APP);
  // Let anything late arrive (a second request would come right after the first render).
  await page.waitForTimeout(500);

  const api = recorder.requests.filter((r) => r.url.startsWith(`${baseURL}/api/`)).map((r) => `${r.method} ${r.url.slice(`${baseURL}/api`.length)}`);
  expect(api.sort()).toEqual(
    [
      'GET /environments',
      `GET /apps/${APP}?identifierType=Identifier`,
      `GET /apps/${APP}/secrets/rendered?environment=env_dev&mode=PreviewOnly`,
    ].sort(),
  );
  expectTokensOnlyInAuthorization(recorder, [`${baseURL}/api/`]);
});

test('an unknown environment slug: the page says so, and no masked list is asked for', async ({ page, recorder, baseURL }) => {
  await signInWithToken(page, 'demo-token');
  // Leave the apps page and let its requests settle (the recorder logs a request asynchronously).
  await page.goto('about:blank');
  await page.waitForTimeout(200);
  recorder.clear();
  await page.goto(`/apps/${APP}/no-such-env`);
  await expect(page.getByText(/no-such-env/).first()).toBeVisible();
  await page.waitForTimeout(300);
  const api = recorder.requests.filter((r) => r.url.startsWith(`${baseURL}/api/`)).map((r) => r.url);
  expect(api.filter((url) => url.includes('/secrets/rendered'))).toEqual([]);
  expect(api.filter((url) => url.endsWith('/api/environments'))).toHaveLength(1);
});
