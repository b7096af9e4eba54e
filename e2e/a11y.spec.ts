import { test, expect, openDemoEnvironment, row } from './fixtures';
import { expectNoViolations } from './axe';

// Six states over three pages, each scanned in light and dark: most of a minute on a busy machine.
test.describe.configure({ timeout: 60_000 });
// The other specs ask for reduced motion; these scan the pages as most people see them, motion on.
test.use({ reducedMotion: 'no-preference' });

test('sign-in, apps and secrets pages, masked and revealed, have no axe violations', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoViolations(page, 'sign-in');

  // Sign-in with an error showing.
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Paste your API access token')).toBeVisible();
  await expectNoViolations(page, 'sign-in with errors');

  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /payments-api/ })).toBeVisible();
  await expectNoViolations(page, 'apps');

  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expectNoViolations(page, 'secrets (masked)');

  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(page.getByLabel('Value of DATABASE_PASSWORD', { exact: true })).toBeVisible();
  await expectNoViolations(page, 'secrets (revealed)');
  await page.getByRole('button', { name: 'Hide all' }).click();

  await page.getByRole('searchbox', { name: 'Search keys' }).fill('no-such-key');
  await expect(page.getByText(/No key matches/)).toBeVisible();
  await expectNoViolations(page, 'secrets (no match)');
});

test('the secrets page works at 360 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openDemoEnvironment(page);
  const keyRow = row(page, 'DATABASE_PASSWORD');
  await expect(keyRow.getByRole('button', { name: 'Reveal DATABASE_PASSWORD' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoViolations(page, 'secrets at 360 px');
});
