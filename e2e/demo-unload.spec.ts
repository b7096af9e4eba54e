import { test, expect, openDemoEnvironment, reloadAndStay, row } from './fixtures';

/**
 * The demo's fake API after a cancelled reload: msw tells its service worker on `beforeunload` that
 * the page is closing, even when the page then stays. The demo must keep answering afterwards —
 * the save, the next list, and a real reload later.
 */
test.describe.configure({ timeout: 60_000 });

test('after choosing to stay on a reload, the demo still saves, lists and reloads', async ({ page }) => {
  await openDemoEnvironment(page, 'staging');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('SMTP_PASSWORD');
  const keyRow = row(page, 'SMTP_PASSWORD');
  await keyRow.getByRole('button', { name: 'Edit SMTP_PASSWORD' }).click();
  const editor = page.getByRole('dialog', { name: 'Set SMTP_PASSWORD in Staging' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await field.fill('kept-after-stay');

  // A reload with typed input: the browser's leave prompt; dismissing it (Stay) keeps the page.
  await reloadAndStay(page, field);
  await expect(field).toHaveValue('kept-after-stay');

  // The fake still answers: the save, the value read back, another environment's list.
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText('Saved the new value of SMTP_PASSWORD in Staging.')).toBeVisible();
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(keyRow.getByLabel('Value of SMTP_PASSWORD', { exact: true })).toHaveText('kept-after-stay');
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  await expect(row(page, 'SMTP_PASSWORD')).toBeVisible();
  await expect(page.getByText(/Not found/)).toHaveCount(0);

  // A real reload later: the demo starts again, with the saved value.
  await page.reload();
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  await page.getByRole('tab', { name: 'Staging' }).click();
  await row(page, 'SMTP_PASSWORD').getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(row(page, 'SMTP_PASSWORD').getByLabel('Value of SMTP_PASSWORD', { exact: true })).toHaveText('kept-after-stay');
});

test('when the fake API cannot be started again, the demo says so and Reload brings it back', async ({ page }) => {
  await openDemoEnvironment(page, 'staging');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('SMTP_PASSWORD');
  await row(page, 'SMTP_PASSWORD').getByRole('button', { name: 'Edit SMTP_PASSWORD' }).click();
  const editor = page.getByRole('dialog', { name: 'Set SMTP_PASSWORD in Staging' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await field.fill('not-sent');
  const prompt = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await field.click();
  await page.evaluate(() => location.reload());
  expect(await prompt).toBe('beforeunload');

  // The worker cannot be registered again (as when its script is unreachable).
  await page.evaluate(() => {
    ServiceWorkerContainer.prototype.register = () => Promise.reject(new TypeError('Failed to register'));
  });
  await editor.getByRole('button', { name: 'Save' }).click();
  const notice = page.getByRole('dialog', { name: 'The demo stopped answering' });
  await expect(notice).toContainText('Reload the page to start it again');
  // Behind it, the save failed as unsent, not as a 404 from the static server.
  await expect(page.getByText(/Could not reach the API/)).toBeVisible();
  await expect(page.getByText(/Not found/)).toHaveCount(0);

  // Reload (leaving the typed value): the demo starts again.
  page.once('dialog', (d) => void d.accept());
  await notice.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();
  await expect(row(page, 'SMTP_PASSWORD')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
