import type { Locator, Page } from '@playwright/test';
import { PATHS } from '../src/api/contract-http';
import { test, expect, controlDemoFake, injectFault, row, startSignedIn } from './fixtures';
import { expectNoViolations } from './axe';

/**
 * Addresses that lead nowhere (an app, an environment or a secret that does not exist, an app the
 * token may not open) get one page that says so and leads back; and the app bar's place, which
 * leads back to the environment the user came from and stays readable on a phone.
 */

// Each test scans its page with axe in both schemes: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

/** None of the secrets page's or the secret page's controls is there. */
async function expectNoPageControls(page: Page) {
  const main = page.getByRole('main');
  await expect(main.getByRole('tab')).toHaveCount(0);
  await expect(main.getByRole('button', { name: /^New secret/ })).toHaveCount(0);
  await expect(main.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(main.getByRole('searchbox')).toHaveCount(0);
  await expect(main.getByRole('table')).toHaveCount(0);
  await expect(main.getByRole('region')).toHaveCount(0);
  await expect(main.getByRole('button', { name: /^(Reveal|Hide|Set|Replace|Copy)\b/ })).toHaveCount(0);
}

/** How many pixels of an element's width are painted, once its ancestors' overflow clips it. */
function paintedWidth(locator: Locator) {
  return locator.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    let left = rect.left;
    let right = rect.right;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX === 'visible') continue;
      const clip = parent.getBoundingClientRect();
      left = Math.max(left, clip.left);
      right = Math.min(right, clip.right);
    }
    return Math.max(0, right - left);
  });
}

test('an unknown app: “No app …”, without the secrets page, and back to the apps', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_nope/development');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('No app app_nope');
  await expectNoPageControls(page);
  await expectNoViolations(page, 'unknown app');

  // The app's own address (its overview) says the same.
  await page.goto('/apps/app_nope');
  await expect(heading).toHaveText('No app app_nope');
  await expectNoPageControls(page);

  await page.getByRole('link', { name: 'Back to apps' }).click();
  await expect(page).toHaveURL(/\/apps$/);
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
});

test('an unknown environment: “No environment … in <app>”, without tabs, and on to the app’s first environment', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/no-such-env');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No environment no-such-env in payments-api');
  await expectNoPageControls(page);
  await expectNoViolations(page, 'unknown environment');

  await page.getByRole('link', { name: /^Open Development/ }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
});

test('an unknown secret: “No secret … in <app>”, without the secret’s page, and back to the app', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_web/secrets/sec_nope');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No secret sec_nope in web-frontend');
  await expectNoPageControls(page);
  await expectNoViolations(page, 'unknown secret');

  await page.getByRole('link', { name: /^Back to web-frontend/ }).click();
  await expect(page).toHaveURL(/\/apps\/app_web$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
});

test('an app the token may not open (403): says so, suggests another token, and signing in again comes back', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  await expect(page.getByRole('link', { name: /payments-api/ })).toBeVisible();
  await injectFault(page, {
    match: { method: 'GET', path: PATHS.app },
    fault: { kind: 'status', status: 403, body: { message: 'This token is limited to other apps' } },
    times: 'Infinity',
  });
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No access to payments-api');
  await expect(page.getByText(/This token has no access to this app/)).toBeVisible();
  await expectNoPageControls(page);
  await expect(page.getByRole('link', { name: 'Back to apps' })).toHaveAttribute('href', '/apps');
  await expectNoViolations(page, 'app not allowed');

  await controlDemoFake(page, 'DELETE', 'faults');
  await page.getByRole('button', { name: 'Sign in with another token' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/apps/app_payments');
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
});

test('other failures (a 500) keep the secrets page, with the error in place and Retry', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  await expect(page.getByRole('link', { name: /web-frontend/ })).toBeVisible();
  await injectFault(page, { match: { method: 'GET', path: PATHS.app }, fault: { kind: 'status', status: 500 } });
  await injectFault(page, { match: { method: 'GET', path: PATHS.rendered }, fault: { kind: 'status', status: 500 }, times: 'Infinity' });
  // The app opens at its overview; its Development tab leads to the secrets page.
  await page.getByRole('link', { name: /web-frontend/ }).click();
  await page.getByRole('tab', { name: 'Development' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load secrets' });
  // After the read's retries.
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('tab', { name: 'Development' })).toBeVisible();
  // The app's lookup, asked again by the page, names it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('web-frontend · Development');
  await controlDemoFake(page, 'DELETE', 'faults');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
});

test('from a secret’s page the app’s crumb returns to the environment you came from', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/staging');
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();
  const banner = page.getByRole('banner');

  await row(page, 'DATABASE_PASSWORD').getByRole('link', { name: 'DATABASE_PASSWORD' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DATABASE_PASSWORD' })).toBeVisible();
  await banner.getByRole('link', { name: 'payments-api' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/staging$/);
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();

  // The page's own breadcrumb too.
  await row(page, 'DATABASE_PASSWORD').getByRole('link', { name: 'DATABASE_PASSWORD' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DATABASE_PASSWORD' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'payments-api' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/staging$/);
});

test('a direct load of a secret’s page names the app in the app bar, its crumb to the app’s overview', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_data/secrets/sec_data_001');
  const banner = page.getByRole('banner');
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('');
  const crumb = banner.getByRole('link', { name: 'data-pipeline' });
  await expect(crumb).toBeVisible();
  await expect(banner).not.toContainText('app_data');
  await expect(crumb).toHaveAttribute('href', '/apps/app_data');
  await crumb.click();
  await expect(page).toHaveURL(/\/apps\/app_data$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
});

test('at 360 px the app bar shows the app’s name (shortened at most) and the environment, not just “…”', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await startSignedIn(page);
  await page.goto('/apps/app_payments/production');
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  const banner = page.getByRole('banner');
  const crumb = banner.getByRole('link', { name: 'payments-api' });
  await expect(crumb).toBeVisible();
  // At least a few characters of the name are painted (the whole name in a tooltip), and the environment in full.
  expect(await paintedWidth(crumb)).toBeGreaterThanOrEqual(48);
  await expect(crumb).toHaveAttribute('title', 'payments-api');
  const env = banner.getByText('Production', { exact: true });
  await expect(env).toBeVisible();
  const envWidth = await env.evaluate((element) => element.getBoundingClientRect().width);
  expect(await paintedWidth(env)).toBeGreaterThanOrEqual(envWidth - 1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, 'app bar at 360 px');
});
