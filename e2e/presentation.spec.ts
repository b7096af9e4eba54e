import { test, expect, row, startSignedIn } from './fixtures';

/** Presentation mode, for screen sharing: no preview in the DOM, nothing revealed or revealable. */
test('presentation mode hides every revealed value and every masked preview, on the list and a secret’s page', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  const keyRow = row(page, 'DATABASE_URL');
  await keyRow.getByRole('button', { name: 'Reveal DATABASE_URL' }).click();
  const revealed = await keyRow.getByLabel('Value of DATABASE_URL', { exact: true }).textContent();
  expect(revealed).toBeTruthy();
  // The previews shown (two characters of each value, then the mask).
  const previews = (await page.locator('[role="row"] [role="cell"]:nth-child(2)').allTextContents()).filter((t) => /^[^•]{1,2}•/.test(t));
  expect(previews.length).toBeGreaterThan(3);

  const toggle = page.getByRole('button', { name: 'Presentation mode' });
  await page.keyboard.press('Alt+Shift+P');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(keyRow.getByLabel('Value of DATABASE_URL', { exact: true })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(revealed!);
  for (const preview of previews) expect(html, 'a masked preview').not.toContain(preview);
  await expect(keyRow.getByRole('button', { name: 'Reveal DATABASE_URL' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Reveal all' })).toBeDisabled();

  // A secret's page too.
  await keyRow.getByRole('link', { name: 'DATABASE_URL', exact: true }).click();
  const staging = page.getByRole('region', { name: 'Staging' });
  await expect(staging.getByLabel('Masked value in Staging')).toHaveText('••••••••');
  await expect(staging.getByRole('button', { name: 'Reveal value in Staging' })).toBeDisabled();

  // Off again, with the switch: previews and Reveal come back.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(staging.getByLabel('Masked value in Staging')).not.toHaveText('••••••••');
  await expect(staging.getByRole('button', { name: 'Reveal value in Staging' })).toBeEnabled();
});
