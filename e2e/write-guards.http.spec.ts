import { test, expect, HTTP_SESSION, reloadAndStay, startSignedIn } from './fixtures';

/**
 * What the dialogs cannot prove alone (they are tested rendered by themselves in Vitest): the
 * guards against leaving with typed input across real routes and a real reload, production asking
 * on create, the success toast's Open link, and a value with new lines, tabs, markup and emoji
 * round-tripping through the real API and shown as inert text. Over HTTP, where writes get the
 * leanest answers (the demo's own cancelled reload is demo-unload.spec.ts).
 */
const APP = 'app_0075';

test('typed input survives leaving attempts; create asks for production; the toast opens the secret; tricky text round-trips', async ({ page }) => {
  await startSignedIn(page, HTTP_SESSION);
  const name = `GUARD_${Date.now().toString(36).toUpperCase()}`;
  const tricky = 'line one\n\tindented <script>window.__pwned = 1</script> & <b>bold</b> 🔑\n  last  ';
  await page.goto(`/apps/${APP}/development`);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // Create with initial values in Development and Production: production asks first.
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill(tricky);
  await dialog.getByRole('textbox', { name: 'Initial value in Production' }).fill('prod-guard');
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog.getByText('Set value in Production?')).toBeVisible();
  await dialog.getByRole('button', { name: 'Set value in Production' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();

  // The toast's Open link: the new secret's page, values as written (the markup is text, not run).
  await page.getByRole('link', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const development = page.getByRole('region', { name: 'Development' });
  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  const shown = development.getByLabel('Value in Development', { exact: true });
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((el) => el.textContent)).toBe(tricky);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(shown.locator('script, b')).toHaveCount(0);
  const production = page.getByRole('region', { name: 'Production' });
  await production.getByRole('button', { name: 'Reveal value in Production' }).click();
  await expect(production.getByLabel('Value in Production', { exact: true })).toHaveText('prod-guard');

  // Typed input, then the browser's Back (a route change in the app): asked; Stay keeps it.
  await page.goBack();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('region', { name: 'Development' }).getByRole('button', { name: 'Replace value in Development' }).click();
  const editor = page.getByRole('dialog', { name: `Set ${name} in Development` });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await field.fill('typed, not saved');
  await page.goBack();
  const leave = page.getByRole('dialog', { name: 'Leave with unsaved changes?' });
  await leave.getByRole('button', { name: 'Stay' }).click();
  await expect(leave).toBeHidden();
  await expect(field).toHaveValue('typed, not saved');
  await expect(page).toHaveURL(new RegExp(`/apps/${APP}/secrets/`));

  // A reload: the browser's own leave prompt; dismissing it keeps the page and the input.
  await reloadAndStay(page, field);
  await expect(field).toHaveValue('typed, not saved');

  // Saved after all: the guard is gone, leaving asks nothing.
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${name} in Development.`)).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
