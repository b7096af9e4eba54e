import { expectNoLeak, TOKENS, watchPage } from './audit';
import { expectNoViolations } from './axe';
import { CANARY } from './constants';
import { test, expect, HTTP_SESSION, row, startSignedIn } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The ⌘K palette over real HTTP, by keyboard alone. The fake seeds CANARY in CANARY_TOKEN_1..3 of
 * every environment of app_payments ("payments-api"); the journey starts in another app.
 */
const SECRETS = [CANARY, ...TOKENS];

/**
 * Opens the palette with Ctrl+K, types at once (the first time, while its chunk loads: nothing typed
 * is lost), and chooses the first result with Enter (Shift+Enter with `shift`).
 */
async function find(page: Page, text: string, expected: string, { shift = false } = {}) {
  await page.keyboard.press('Control+k');
  await page.keyboard.type(text);
  const box = page.getByRole('combobox', { name: 'Search everything' });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(text);
  const first = page.getByRole('option').first();
  await expect(first).toContainText(expected);
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? 'no id');
  await page.keyboard.press(shift ? 'Shift+Enter' : 'Enter');
  await expect(page.getByRole('dialog', { name: 'Search everything' })).toHaveCount(0);
}

test('find a key in another environment of another app and reveal it, by keyboard alone; recents are names only and go with the session', async ({ page, context, recorder }) => {
  const watch = watchPage(page);
  await startSignedIn(page, HTTP_SESSION);
  await page.goto('/apps/app_0002/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  await find(page, 'payments', 'payments-api');
  await expect(page.getByRole('heading', { level: 1, name: /payments-api/ })).toBeVisible();
  await find(page, 'prod', 'Production');
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  // The current environment's keys come from its masked list: no request of their own.
  const before = recorder.requests.length;
  await find(page, 'canary_token_2', 'CANARY_TOKEN_2');
  const keyRow = row(page, 'CANARY_TOKEN_2');
  await expect(keyRow).toHaveAttribute('data-highlighted', 'true');
  await expect(keyRow.getByRole('button', { name: 'Reveal CANARY_TOKEN_2' })).toBeFocused();
  expect(recorder.requests.slice(before).filter((r) => r.url.includes('/api/'))).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(keyRow.getByLabel('Value of CANARY_TOKEN_2', { exact: true })).toHaveText(CANARY);
  await page.keyboard.press('Enter');
  await expect(keyRow.getByLabel('Value of CANARY_TOKEN_2', { exact: true })).toHaveCount(0);

  // An empty box lists the recent choices first; Escape closes and focus goes back.
  await page.keyboard.press('Control+k');
  const options = page.getByRole('option');
  await expect(options.nth(0)).toContainText('CANARY_TOKEN_2');
  await expect(options.nth(1)).toContainText('Production');
  await expect(options.nth(2)).toContainText('payments-api');
  await expectNoViolations(page, 'the palette open');
  await expectNoLeak(page, context, recorder, SECRETS, watch);
  await page.keyboard.press('Escape');
  await expect(keyRow.getByRole('button', { name: 'Reveal CANARY_TOKEN_2' })).toBeFocused();

  // Shift+Enter opens a key's page.
  await find(page, 'CANARY_TOKEN_1', 'CANARY_TOKEN_1', { shift: true });
  await expect(page.getByRole('heading', { level: 1, name: /CANARY_TOKEN_1/ })).toBeVisible();
  // A secret's page offers its buttons, per environment, by their names.
  await find(page, 'reveal value in prod', 'Reveal value in Production');
  await expect(page.getByLabel('Value in Production', { exact: true })).toHaveText(CANARY);
  await find(page, 'hide value in prod', 'Hide value in Production');
  await expect(page.getByLabel('Value in Production', { exact: true })).toHaveCount(0);

  // Signing out forgets them (signing in again on the same page: a reload would forget anyway).
  await find(page, 'sign out', 'Sign out');
  await page.getByRole('textbox', { name: /^API token/ }).fill('demo-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('status').filter({ hasText: 'Type to find apps, environments, keys and actions' })).toBeVisible();
  // No recent choice: the actions come first, and no key or environment is listed here.
  await expect(options.first()).toHaveAttribute('data-kind', 'action');
  await expect(options.filter({ hasText: /CANARY_TOKEN|Production/ })).toHaveCount(0);
});

test('shortcuts: ? lists them, g a and g o go, n opens New secret, none while typing; Settings turns single keys off', async ({ page }) => {
  await startSignedIn(page, HTTP_SESSION);
  await page.goto('/apps/app_0003/qa');
  await expect(page.getByRole('table', { name: 'Secrets in QA' })).toBeVisible();

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('row')).toHaveCount(7);
  await expectNoViolations(page, 'the shortcuts sheet');
  await page.keyboard.press('Escape');

  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: 'New secret' })).toBeVisible();
  await page.keyboard.press('Escape');
  // `/` goes to the search box, where `g a` is text.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toBeFocused();
  await page.keyboard.type('ga');
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('ga');
  // Switching environment from the palette keeps the page's search, as the tabs do.
  await find(page, 'staging', 'Staging');
  await expect(page).toHaveURL(/\/apps\/app_0003\/staging\?q=ga$/);
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('ga');
  await page.getByRole('searchbox', { name: 'Search keys' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(/\/apps\/app_0003(\?|$)/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toBeFocused();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();

  // Off in Settings (from the palette): `?` does nothing, Ctrl+K still works.
  await find(page, 'settings', 'Settings');
  await page.getByRole('menuitemcheckbox', { name: /^Single-key shortcuts/ }).click();
  await page.keyboard.press('?');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search everything' })).toBeFocused();
  await expect(sheet).toHaveCount(0);
});
