import { test, expect, row, signInToDemo, signInWithToken } from './fixtures';
import { watchPolicy } from './csp';
import { CANARY } from './constants';

/**
 * The build as deploy/nginx serves it (`npm run serve`): every journey under the production
 * Content-Security-Policy, with no violation and no console error, the value fields still masked.
 */
const APP = 'app_payments';

test('sign in, browse, reveal, copy, create, set a value, a secret’s page, sign out: no policy violation, no console error', async ({ page, context }) => {
  const policy = await watchPolicy(page);
  await context.grantPermissions(['clipboard-write']);
  await signInWithToken(page, 'demo-token', { writeToken: 'demo-token' });

  // Browse: an app (its overview), an environment, a search.
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('CANARY');
  const canary = row(page, 'CANARY_TOKEN_1');

  // Reveal, hide, copy.
  await canary.getByRole('button', { name: 'Reveal CANARY_TOKEN_1' }).click();
  await expect(canary.getByLabel('Value of CANARY_TOKEN_1', { exact: true })).toHaveText(CANARY);
  await canary.getByRole('button', { name: 'Hide CANARY_TOKEN_1' }).click();
  await expect(canary.getByLabel('Value of CANARY_TOKEN_1', { exact: true })).toHaveCount(0);
  await canary.getByRole('button', { name: 'Copy CANARY_TOKEN_1' }).click();
  await expect(page.getByText('Copied CANARY_TOKEN_1 to the clipboard.')).toBeVisible();

  // Create, with an initial value typed into a masked field: it stays masked under the policy.
  await page.getByRole('tab', { name: 'Development' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  const name = `PROD_${Date.now().toString(36).toUpperCase()}`;
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  const initial = dialog.getByRole('textbox', { name: 'Initial value in Development' });
  await initial.fill('typed under the policy');
  expect(await initial.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();

  // Set a value, then a deep link survives a reload.
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(name);
  await row(page, name).getByRole('button', { name: `Edit ${name}` }).click();
  const editor = page.getByRole('dialog', { name: `Set ${name} in Development` });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await field.fill('second value');
  expect(await field.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${name} in Development.`)).toBeVisible();
  await row(page, name).getByRole('button', { name: `Reveal ${name}` }).click();
  await expect(row(page, name).getByLabel(`Value of ${name}`, { exact: true })).toHaveText('second value');

  // The secret's own page, and a value revealed there.
  await row(page, name).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const development = page.getByRole('region', { name: 'Development' });
  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(development.getByLabel('Value in Development', { exact: true })).toHaveText('second value');
  expect(await policy.violations()).toEqual([]);

  await page.goto(`/apps/${APP}/staging`);
  await page.reload();
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await policy.violations()).toEqual([]);
  expect(policy.errors).toEqual([]);
});

test('the demo registers its worker through the one Trusted Types policy the header allows', async ({ page }) => {
  const policy = await watchPolicy(page);
  // The same nginx and headers; only the runtime config says "demo".
  await page.route('**/app-config.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'window.__DASHBOARD_CONFIG__ = {"demo":true,"apiBaseUrl":"/api"};' }),
  );
  await signInToDemo(page);
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/mockServiceWorker\.js$/);
  expect(await policy.violations()).toEqual([]);
  expect(policy.errors).toEqual([]);
});
