import { test, expect, injectFault, openDemoEnvironment, row, setValuePattern } from './fixtures';
import { expectNoViolations } from './axe';

/** The write side: forms and dialogs in every state a user meets, light and dark. */
// Eight states, each scanned in light and dark: a minute or more on a busy machine.
test.describe.configure({ timeout: 90_000 });

test('the create and set-value dialogs have no axe violations, errors and confirmations included', async ({ page }) => {
  await openDemoEnvironment(page, 'development');

  // Create: empty, with a name error and a suggestion, with a 409.
  await page.getByRole('button', { name: 'New secret' }).click();
  const create = page.getByRole('dialog', { name: 'New secret' });
  const name = create.getByRole('textbox', { name: /^Name/ });
  await expect(name).toBeFocused();
  await expectNoViolations(page, 'create dialog (empty)');
  await name.fill('stripe key');
  await expect(name).toHaveAccessibleDescription('Remove a space at position 7: a name has no spaces or invisible characters.');
  await expect(create.getByRole('button', { name: 'Use STRIPE_KEY' })).toBeVisible();
  await expectNoViolations(page, 'create dialog (name error)');
  await name.fill('STRIPE_API_KEY');
  await create.getByRole('button', { name: 'Create secret' }).click();
  await expect(create.getByRole('alert')).toContainText('STRIPE_API_KEY already exists');
  await expect(create.getByRole('link', { name: 'Open the existing STRIPE_API_KEY' })).toBeVisible();
  await expectNoViolations(page, 'create dialog (409)');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Set a value: empty, with the whitespace warning, with a server error.
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('ADMIN_USERNAME');
  await row(page, 'ADMIN_USERNAME').getByRole('button', { name: 'Edit ADMIN_USERNAME' }).click();
  let editor = page.getByRole('dialog', { name: 'Set ADMIN_USERNAME in Development' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await expect(field).toBeFocused();
  await expectNoViolations(page, 'set-value dialog (empty)');
  await field.fill(' padded\n');
  await expect(editor.getByRole('button', { name: 'Trim it' })).toBeVisible();
  await expectNoViolations(page, 'set-value dialog (whitespace warning)');
  await injectFault(page, { match: { method: 'PUT', pathPattern: setValuePattern() }, fault: { kind: 'status', status: 500 } });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert').filter({ hasText: 'Could not save ADMIN_USERNAME in Development' })).toContainText('Injected fault: status 500');
  await expectNoViolations(page, 'set-value dialog (server error)');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Production asks first.
  await page.goto('/apps/app_payments/production?q=ADMIN_USERNAME');
  await row(page, 'ADMIN_USERNAME').getByRole('button', { name: 'Edit ADMIN_USERNAME' }).click();
  editor = page.getByRole('dialog', { name: 'Set ADMIN_USERNAME in Production' });
  await editor.getByRole('textbox', { name: 'New value' }).fill('prod-admin');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Set value in Production?')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Set value in Production' })).toBeFocused();
  await expectNoViolations(page, 'set-value dialog (production confirmation)');
});

test('the secret page, masked and revealed, and the copy dialog have no axe violations', async ({ page }) => {
  await openDemoEnvironment(page, 'development');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('SMTP_PASSWORD');
  await row(page, 'SMTP_PASSWORD').getByRole('link', { name: 'SMTP_PASSWORD' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SMTP_PASSWORD' })).toBeVisible();
  const development = page.getByRole('region', { name: 'Development' });
  await expect(development.getByText('••••••••')).toBeVisible();
  await expect(page.getByRole('region', { name: 'QA' }).getByText('Not set')).toBeVisible();
  await expectNoViolations(page, 'secret page (masked)');

  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(development.getByRole('button', { name: 'Hide value in Development' })).toHaveAttribute('aria-pressed', 'true');
  await expect(development.getByText('••••••••')).toHaveCount(0);
  await expectNoViolations(page, 'secret page (revealed)');

  await page.getByRole('region', { name: 'Staging' }).getByRole('button', { name: 'Copy from another environment into Staging' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy SMTP_PASSWORD into Staging' });
  await expect(copy.getByRole('combobox', { name: 'Copy from' })).toHaveText('Development');
  await expectNoViolations(page, 'copy dialog');
  await copy.getByRole('combobox', { name: 'Copy from' }).click();
  await expect(page.getByRole('option', { name: 'QA (not set)' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoViolations(page, 'copy dialog (sources open)');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(copy).toBeHidden();

  // An empty value, revealed: the value block is empty but still named.
  await page.goBack();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('EMPTY_VALUE');
  await row(page, 'EMPTY_VALUE').getByRole('link', { name: 'EMPTY_VALUE' }).click();
  const empty = page.getByRole('region', { name: 'Development' });
  await empty.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(empty.getByLabel('Value in Development', { exact: true })).toHaveText('');
  await expectNoViolations(page, 'secret page (empty value revealed)');
});
