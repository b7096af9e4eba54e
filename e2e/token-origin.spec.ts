import type { BrowserContext } from '@playwright/test';
import { test, expect, startSignedIn } from './fixtures';
import { SESSION_KEY } from './audit';

/**
 * A token goes only to this origin or an allowed API origin: a crafted base URL on the sign-in page
 * is refused with a message, and a stored session pointing elsewhere is dropped, never used.
 */
const TOKEN = 'token-origin-e2e-0123456789';
const CRAFTED = '/\\evil.example';

interface SeenRequest {
  url: string;
  authorization: string | undefined;
}

/** Every request of the context (the page's and its service worker's); other origins are aborted, never sent. */
async function watchRequests(context: BrowserContext, ownOrigin: string): Promise<SeenRequest[]> {
  const seen: SeenRequest[] = [];
  context.on('request', (request) => {
    seen.push({ url: request.url(), authorization: request.headers()['authorization'] });
  });
  await context.route(
    (url) => url.protocol.startsWith('http') && url.origin !== ownOrigin,
    (route) => route.abort(),
  );
  return seen;
}

function expectNothingElsewhere(seen: SeenRequest[], ownOrigin: string): void {
  const elsewhere = seen.filter((r) => /^https?:/.test(r.url) && new URL(r.url).origin !== ownOrigin).map((r) => r.url);
  expect(elsewhere).toEqual([]);
  const withToken = seen.filter((r) => r.authorization?.includes(TOKEN)).map((r) => r.url);
  expect(withToken).toEqual([]);
}

test('a crafted API base URL is refused on the sign-in page; the token goes nowhere', async ({ page, context, baseURL }) => {
  const ownOrigin = new URL(baseURL!).origin;
  const seen = await watchRequests(context, ownOrigin);
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: /^API token/ }).fill(TOKEN);
  await page.getByRole('button', { name: 'Advanced' }).click();
  const field = page.getByRole('textbox', { name: 'API base URL' });
  // The field says where the token will go.
  await expect(page.getByText(`Your token will be sent to ${ownOrigin} (this site).`)).toBeVisible();
  await field.fill('https://api.acme.commandk.dev');
  await expect(page.getByText('Your token will be sent to https://api.acme.commandk.dev.')).toBeVisible();

  await field.fill(CRAFTED);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('A base URL has no backslashes, spaces or control characters')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // Nothing typed is lost, and the page stays.
  await expect(field).toHaveValue(CRAFTED);
  await expect(page.getByRole('textbox', { name: /^API token/ })).toHaveValue(TOKEN);
  await expect(page).toHaveURL(/\/sign-in/);

  // Another spelling of another host, and an origin not allowed: refused too.
  await field.fill('//evil.example');
  await expect(page.getByText('A path must stay on this site: start it with a single / (e.g. /api)')).toBeVisible();
  await field.fill('https://evil.example');
  await expect(page.getByText('https://evil.example is not an allowed API origin', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expectNothingElsewhere(seen, ownOrigin);
});

test('a stored session whose base URL is not allowed is dropped: sign-in, and the token goes nowhere', async ({ page, context, baseURL }) => {
  const ownOrigin = new URL(baseURL!).origin;
  const seen = await watchRequests(context, ownOrigin);
  await startSignedIn(page, { baseUrl: CRAFTED, readToken: TOKEN, demo: false });
  await page.goto('/apps');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
  expectNothingElsewhere(seen, ownOrigin);
});
