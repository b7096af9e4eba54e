import { test, expect, openDemoEnvironment, row, signInToDemo, startSignedIn } from './fixtures';

test('sign in, open an app, switch environments and search', async ({ page }) => {
  await signInToDemo(page);
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/production$/);
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toBeFocused();
  await page.keyboard.type('smtp');
  await expect(page.getByText(/2 of \d+ secrets match “smtp”/)).toBeVisible();
  await expect(page).toHaveURL(/\?q=smtp$/);
  await expect(row(page, 'SMTP_PASSWORD')).toBeVisible();
  await expect(row(page, 'DATABASE_URL')).toHaveCount(0);

  // A deep link survives a reload, search included.
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('smtp');
  await expect(row(page, 'SMTP_USERNAME')).toBeVisible();
});

test('reveal one value with exactly one Full request, hide it, reveal and hide all', async ({ page, recorder }) => {
  await openDemoEnvironment(page);
  recorder.clear();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('DATABASE');
  const keyRow = row(page, 'DATABASE_PASSWORD');
  await keyRow.getByRole('button', { name: 'Reveal DATABASE_PASSWORD' }).click();
  const value = keyRow.getByLabel('Value of DATABASE_PASSWORD', { exact: true });
  await expect(value).toBeVisible();
  const clear = (await value.textContent()) ?? '';
  expect(clear.length).toBeGreaterThan(4);

  const full = recorder.fullRequests();
  expect(full).toHaveLength(1);
  const url = new URL(full[0]!.url);
  expect(url.searchParams.getAll('secret-name-filter')).toEqual(['DATABASE_PASSWORD']);
  expect(full[0]!.headers['authorization']).toBe('Bearer demo-token');
  expect(full[0]!.url).not.toContain('demo-token');

  await keyRow.getByRole('button', { name: 'Hide DATABASE_PASSWORD' }).click();
  await expect(value).toHaveCount(0);
  expect(await page.content()).not.toContain(clear);

  recorder.clear();
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(page.getByLabel('Value of DATABASE_PASSWORD', { exact: true })).toBeVisible();
  expect(recorder.fullRequests()).toHaveLength(1);
  expect(new URL(recorder.fullRequests()[0]!.url).searchParams.has('secret-name-filter')).toBe(false);
  await page.getByRole('button', { name: 'Hide all' }).click();
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
  expect(await page.content()).not.toContain(clear);
});

test('a revealed value hides itself after the timeout', async ({ page }) => {
  await page.clock.install();
  await openDemoEnvironment(page);
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('SMTP');
  const keyRow = row(page, 'SMTP_PASSWORD');
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(keyRow.getByLabel('Value of SMTP_PASSWORD', { exact: true })).toBeVisible();
  await expect(keyRow.getByText(/Hides in \d+ s/)).toBeVisible();
  await page.clock.fastForward(61_000);
  await expect(keyRow.getByLabel('Value of SMTP_PASSWORD', { exact: true })).toHaveCount(0);
  await expect(keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' })).toBeVisible();
});

test('copy puts the value on the clipboard without showing it', async ({ page, context, recorder }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDemoEnvironment(page, 'production');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('sentry');
  recorder.clear();
  await row(page, 'SENTRY_DSN').getByRole('button', { name: 'Copy SENTRY_DSN' }).click();
  await expect(page.getByText('Copied SENTRY_DSN to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^https:\/\//);
  expect(recorder.fullRequests()).toHaveLength(1);
  expect(await page.content()).not.toContain(copied);
});

test('sign out forgets the session: storage is empty and Back shows no data', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
  expect(JSON.stringify(stored)).not.toContain('demo-token');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('reset demo data brings the demo back to its seed', async ({ page }) => {
  await openDemoEnvironment(page);
  await page.evaluate(() =>
    fetch('/api/apps/app_payments/secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'RESET_ME', purposeType: 'Other', environmentScopedValues: [] }),
    }),
  );
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('RESET_ME');
  await expect(row(page, 'RESET_ME')).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitem', { name: 'Reset demo data' }).click();
  await expect(row(page, 'RESET_ME')).toHaveCount(0);
  await expect(page.getByText(/No key matches/)).toBeVisible();
});

test('a direct load works when app-config.js arrives after the app’s code (the demo is not taken for the real API)', async ({ page }) => {
  await startSignedIn(page);
  // The entry is async and app-config.js deferred: hold the config back so the entry has long run.
  await page.route('**/app-config.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(row(page, 'ADMIN_USERNAME')).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
