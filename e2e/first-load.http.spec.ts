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

/**
 * Records, from the first frame, whether row 1 of the secrets is in the page, where it is, and
 * whether it is the entry's first paint or React's page.
 */
const SAMPLE_FRAMES = `(() => {
  const frames = [];
  Object.defineProperty(window, '__frames', { value: frames });
  const sample = () => {
    const row = document.querySelector('[role=row][aria-rowindex="2"]');
    const box = row ? row.getBoundingClientRect() : null;
    frames.push({ row: row !== null, firstPaint: document.querySelector('[data-first-paint]') !== null, top: box ? box.top : null, left: box ? box.left : null });
    if (frames.length < 600) requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})();`;

interface Frame {
  row: boolean;
  firstPaint: boolean;
  top: number | null;
  left: number | null;
}

test('the first paint: rows drawn before the app has loaded, inert, then React’s page in their place without a gap or a shift', async ({ page }) => {
  await signInWithToken(page, 'demo-token');
  await page.goto('about:blank');
  // Hold the app's code back: the entry draws the page from the early responses meanwhile.
  await page.route('**/assets/app-*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
  });
  await page.addInitScript({ content: SAMPLE_FRAMES });
  await page.goto(`/apps/${APP}/development`);

  const firstPaint = page.locator('[data-first-paint]');
  await expect(firstPaint).toBeAttached();
  await expect(firstPaint.locator('[role=row][aria-rowindex="2"]')).toBeVisible();
  // Inert: its search box cannot take focus (nothing typed there could be lost).
  expect(await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-first-paint] input');
    input?.focus();
    return input !== null && document.activeElement !== input;
  })).toBe(true);
  const drawn = await page.screenshot();

  // React's page replaces it.
  await expect(firstPaint).not.toBeAttached({ timeout: 10_000 });
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await expect(search).toBeVisible();
  await page.waitForTimeout(300);
  expect((await page.screenshot()).equals(drawn), 'React’s page looks exactly like the first paint').toBe(true);

  const frames = (await page.evaluate('window.__frames')) as Frame[];
  const first = frames.findIndex((f) => f.row);
  expect(first, 'a frame with rows').toBeGreaterThanOrEqual(0);
  expect(frames[first]!.firstPaint, 'the first rows on screen are the first paint').toBe(true);
  const after = frames.slice(first);
  expect(after.some((f) => !f.firstPaint), 'React took over within the frames sampled').toBe(true);
  expect(after.filter((f) => !f.row), 'no frame without rows once they were shown').toEqual([]);
  expect(new Set(after.map((f) => `${f.left},${f.top}`)), 'row 1 never moves').toEqual(new Set([`${frames[first]!.left},${frames[first]!.top}`]));

  // And the page is React's: the search works.
  await search.fill('zzz-no-such-key');
  await expect(page.getByText('No key matches “zzz-no-such-key”.')).toBeVisible();
});
