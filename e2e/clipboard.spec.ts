import type { Page } from '@playwright/test';
import { test, expect, row, startSignedIn } from './fixtures';
import { clearValue } from './demo-fake';

/**
 * A copied value leaves the clipboard after the user's delay (30 s unless set otherwise) and at
 * sign-out, only while the page has focus and only if the clipboard still holds it. Time moves
 * with the page's fake clock.
 */
test.describe.configure({ timeout: 60_000 });

const KEY = 'SENTRY_DSN';
const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const writeClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

/** Counts the app's clipboard reads from here on (the test's own reads are not counted). */
async function countAppReads(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const clipboard = navigator.clipboard;
    const read = clipboard.readText.bind(clipboard);
    const counted = window as unknown as { appReads: number };
    counted.appReads = 0;
    clipboard.readText = () => {
      counted.appReads += 1;
      return read();
    };
  });
  return () => page.evaluate(() => (window as unknown as { appReads: number }).appReads);
}

test.beforeEach(async ({ page, context }) => {
  await page.clock.install();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await startSignedIn(page);
  await page.goto('/apps/app_payments/production');
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('sentry');
});

async function copy(page: Page, delay = '30 s'): Promise<string> {
  await row(page, KEY).getByRole('button', { name: `Copy ${KEY}` }).click();
  await expect(
    page.getByText(`Copied ${KEY} to the clipboard. It is cleared in ${delay}; your system's clipboard history may keep it.`),
  ).toBeVisible();
  const value = await clearValue(page, 'env_prod', KEY);
  expect(await readClipboard(page)).toBe(value);
  return value;
}

test('a copied value is cleared from the clipboard 30 s later, not before', async ({ page }) => {
  const value = await copy(page);
  await page.clock.fastForward(29_000);
  expect(await readClipboard(page)).toBe(value);
  await page.clock.fastForward(1_000);
  await expect.poll(() => readClipboard(page)).toBe('');
});

test('what the user copied since is left alone', async ({ page }) => {
  await copy(page);
  await writeClipboard(page, 'something of my own');
  const reads = await countAppReads(page);
  await page.clock.fastForward(30_000);
  // The app looked, and left it.
  await expect.poll(reads).toBe(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(await readClipboard(page)).toBe('something of my own');
});

test('without focus when due, cleared when focus comes back', async ({ page }) => {
  const value = await copy(page);
  const reads = await countAppReads(page);
  await page.evaluate(() => {
    document.hasFocus = () => false;
  });
  await page.clock.fastForward(45_000);
  expect(await reads()).toBe(0);
  expect(await readClipboard(page)).toBe(value);
  await page.evaluate(() => {
    document.hasFocus = () => true;
    window.dispatchEvent(new Event('focus'));
  });
  await expect.poll(() => readClipboard(page)).toBe('');
});

test('sign-out clears a copied value still on the clipboard', async ({ page }) => {
  await copy(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect.poll(() => readClipboard(page)).toBe('');
});

test('the delay is a setting', async ({ page }) => {
  await page.getByRole('button', { name: 'Settings' }).click();
  const menu = page.getByRole('menu', { name: 'Settings' });
  await expect(menu.getByText('Clear copied values after')).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: '30 seconds (clear copied values)' })).toHaveAttribute('aria-checked', 'true');
  await menu.getByRole('menuitemradio', { name: '15 seconds (clear copied values)' }).click();
  await expect(menu).toBeHidden();
  const value = await copy(page, '15 s');
  await page.clock.fastForward(14_000);
  expect(await readClipboard(page)).toBe(value);
  await page.clock.fastForward(1_000);
  await expect.poll(() => readClipboard(page)).toBe('');
});
