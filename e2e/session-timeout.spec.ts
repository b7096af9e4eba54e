import { SESSION_KEY } from './audit';
import { expectNoViolations } from './axe';
import { test, expect, row, startSignedIn } from './fixtures';

/**
 * The idle timeout (15 minutes by default) with the page's fake clock: a warning a minute before
 * names the dialog whose input would be lost, Stay signed in starts over, and the end is a
 * sign-out that leads back to the same page after signing in again.
 */
const KEY = 'ADMIN_USERNAME';

test('idle timeout: warned a minute before, kept by Stay signed in, then signed out; signing in again returns to the page', async ({ page }) => {
  await page.clock.install();
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  const here = page.url();

  await row(page, KEY).getByRole('button', { name: `Edit ${KEY}` }).click();
  const editor = page.getByRole('dialog', { name: `Set ${KEY} in Development` });
  await editor.getByRole('textbox', { name: 'New value' }).fill('typed but not saved');

  await page.clock.fastForward('14:00');
  const warning = page.getByRole('alertdialog', { name: 'Still there?' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(`What you typed in “Set ${KEY} in Development” will be discarded.`);
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await expectNoViolations(page, 'the idle warning over a dialog');
  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  await expect(editor.getByRole('textbox', { name: 'New value' })).toHaveValue('typed but not saved');

  await page.clock.fastForward('15:01');
  await expect(page.getByText('You were signed out after 15 minutes without activity. Sign in again to continue where you were.')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expectNoViolations(page, 'sign-in after an idle timeout');
  // The tab forgot the tokens.
  expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();

  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  expect(page.url()).toBe(here);
});
