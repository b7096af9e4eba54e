import type { Page } from '@playwright/test';
import { test, expect, injectFault, openDemoEnvironment, row, setValuePattern } from './fixtures';

/** A name no seeded secret has (each test also has its own fake). */
function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).toUpperCase()}`;
}

const MASK = '••••••••';

// Long journeys (fewer, longer tests): more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(text);
}

async function openEnvironmentTab(page: Page, label: string) {
  await page.getByRole('tab', { name: label }).click();
  await expect(page.getByRole('table', { name: `Secrets in ${label}` })).toBeVisible();
}

/** Reveals the row's value, checks it, and hides it again. */
async function expectRevealed(page: Page, key: string, value: string) {
  const keyRow = row(page, key);
  await keyRow.getByRole('button', { name: `Reveal ${key}` }).click();
  await expect(keyRow.getByLabel(`Value of ${key}`, { exact: true })).toHaveText(value);
  await keyRow.getByRole('button', { name: `Hide ${key}` }).click();
  await expect(keyRow.getByLabel(`Value of ${key}`, { exact: true })).toHaveCount(0);
}

test('create a secret in two environments, see it masked, reveal it, replace values (confirming production), then meet its name again', async ({ page }) => {
  const name = uniqueName('E2E_CREATED');
  const devValue = 'dev-value-1 with spaces';
  const stagingValue = 'staging-v1';
  await openDemoEnvironment(page, 'development');

  // Create, with initial values in Development and Staging.
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill(devValue);
  await dialog.getByRole('textbox', { name: 'Initial value in Staging' }).fill(stagingValue);
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();

  // In the Development list, masked; revealed on demand.
  await search(page, name);
  const devRow = row(page, name);
  await expect(devRow).toContainText(MASK);
  await expect(devRow).not.toContainText(devValue);
  await expectRevealed(page, name, devValue);

  // In Staging (the search carries over), masked too; QA has no value.
  await openEnvironmentTab(page, 'Staging');
  await expect(row(page, name)).toContainText(MASK);
  await expect(row(page, name)).not.toContainText(stagingValue);
  await expectRevealed(page, name, stagingValue);
  await openEnvironmentTab(page, 'QA');
  await expect(row(page, name)).toContainText('Not set');

  // Replace the Staging value.
  await openEnvironmentTab(page, 'Staging');
  await row(page, name).getByRole('button', { name: `Edit ${name}` }).click();
  let editor = page.getByRole('dialog', { name: `Set ${name} in Staging` });
  await expect(editor.getByRole('textbox', { name: 'New value' })).toHaveValue('');
  await editor.getByRole('textbox', { name: 'New value' }).fill('staging-v2');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${name} in Staging.`)).toBeVisible();
  await expectRevealed(page, name, 'staging-v2');

  // Production asks first; Back keeps the typed value; nothing is saved before confirming.
  await openEnvironmentTab(page, 'Production');
  await row(page, name).getByRole('button', { name: `Edit ${name}` }).click();
  editor = page.getByRole('dialog', { name: `Set ${name} in Production` });
  await editor.getByRole('textbox', { name: 'New value' }).fill('prod-v1');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByText('Set value in Production?')).toBeVisible();
  await editor.getByRole('button', { name: 'Back' }).click();
  await expect(editor.getByRole('textbox', { name: 'New value' })).toHaveValue('prod-v1');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.getByRole('button', { name: 'Set value in Production' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${name} in Production.`)).toBeVisible();
  await expect(row(page, name)).toContainText(MASK);
  await expectRevealed(page, name, 'prod-v1');

  // The same name again: 409, with a link to the existing secret (asking before dropping input).
  await page.getByRole('button', { name: 'New secret' }).click();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`${name} already exists`);
  await expect(alert).toContainText(/Request id: req_/);
  await expect(dialog.getByRole('textbox', { name: /^Name/ })).toHaveValue(name);
  await dialog.getByRole('link', { name: `Open the existing ${name}` }).click();
  await page.getByRole('dialog', { name: 'Leave with unsaved changes?' }).getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/secrets\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The secret page shows every environment: values where set, "Not set" in QA.
  const qa = page.getByRole('region', { name: 'QA' });
  await expect(qa.getByText('Not set')).toBeVisible();
  const production = page.getByRole('region', { name: 'Production' });
  await expect(production.getByLabel('Masked value in Production')).toHaveText(MASK);
  await production.getByRole('button', { name: 'Reveal value in Production' }).click();
  await expect(production.getByLabel('Value in Production', { exact: true })).toHaveText('prod-v1');

  // Replacing a revealed value drops what was shown: masked again until revealed again.
  const development = page.getByRole('region', { name: 'Development' });
  await development.getByRole('button', { name: 'Reveal value in Development' }).click();
  await expect(development.getByLabel('Value in Development', { exact: true })).toHaveText(devValue);
  await development.getByRole('button', { name: 'Replace value in Development' }).click();
  editor = page.getByRole('dialog', { name: `Set ${name} in Development` });
  await expect(editor.getByRole('textbox', { name: 'New value' })).toHaveValue('');
  await editor.getByRole('textbox', { name: 'New value' }).fill('dev-v2');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(development.getByLabel('Value in Development', { exact: true })).toHaveCount(0);
  await expect(development.getByRole('button', { name: 'Reveal value in Development' })).toHaveAttribute('aria-pressed', 'false');
  await expect(development.getByLabel('Masked value in Development')).toHaveText(MASK);

  // Copy a value from another environment: never shown on the way.
  await qa.getByRole('button', { name: 'Copy from another environment into QA' }).click();
  let copy = page.getByRole('dialog', { name: `Copy ${name} into QA` });
  const source = copy.getByRole('combobox', { name: 'Copy from' });
  await expect(source).toHaveText('Development');
  await source.click();
  await page.getByRole('option', { name: 'Staging' }).click();
  await copy.getByRole('button', { name: 'Copy value' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByText(`Copied ${name} from Staging to QA.`)).toBeVisible();
  await expect(qa.getByLabel('Masked value in QA')).toHaveText(MASK);
  expect(await page.content()).not.toContain('staging-v2');
  await qa.getByRole('button', { name: 'Reveal value in QA' }).click();
  await expect(qa.getByLabel('Value in QA', { exact: true })).toHaveText('staging-v2');

  // Into Production: a second step first; nothing is written before it.
  await production.getByRole('button', { name: 'Copy from another environment into Production' }).click();
  copy = page.getByRole('dialog', { name: `Copy ${name} into Production` });
  await expect(copy.getByRole('combobox', { name: 'Copy from' })).toHaveText('Development');
  await copy.getByRole('button', { name: 'Copy value' }).click();
  await expect(copy.getByText('Set value in Production?')).toBeVisible();
  await copy.getByRole('button', { name: 'Set value in Production' }).click();
  await expect(copy).toBeHidden();
  await expect(page.getByText(`Copied ${name} from Development to Production.`)).toBeVisible();
  await expect(production.getByLabel('Value in Production', { exact: true })).toHaveCount(0);
  await production.getByRole('button', { name: 'Reveal value in Production' }).click();
  await expect(production.getByLabel('Value in Production', { exact: true })).toHaveText('dev-v2');
});

test('losing the network mid-save keeps what was typed, and retrying saves it', async ({ page }) => {
  const name = uniqueName('E2E_FLAKY');
  await openDemoEnvironment(page, 'development');

  // Setting one value: the PUT fails at the network level once.
  await search(page, 'ADMIN_USERNAME');
  await row(page, 'ADMIN_USERNAME').getByRole('button', { name: 'Edit ADMIN_USERNAME' }).click();
  const editor = page.getByRole('dialog', { name: 'Set ADMIN_USERNAME in Development' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await field.fill('typed once');
  await injectFault(page, { match: { method: 'PUT', pathPattern: setValuePattern() }, fault: { kind: 'network' }, times: 1 });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toContainText('Could not reach the API');
  await expect(field).toHaveValue('typed once');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText('Saved the new value of ADMIN_USERNAME in Development.')).toBeVisible();
  await expectRevealed(page, 'ADMIN_USERNAME', 'typed once');

  // Creating with two values: the QA one is lost on the way; only it is retried.
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill('dev-kept');
  await dialog.getByRole('textbox', { name: 'Initial value in QA' }).fill('qa-kept');
  await injectFault(page, { match: { method: 'PUT', pathPattern: setValuePattern('env_qa') }, fault: { kind: 'network' }, times: 1 });
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog.getByText(`${name} was created`)).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Saved in Development. Failed in QA.');
  await expect(dialog.getByText('Could not set the value in QA')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Initial value in QA' })).toHaveValue('qa-kept');
  await expect(dialog.getByRole('textbox', { name: 'Initial value in Development' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Retry failed values (1)' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();

  await search(page, name);
  await expectRevealed(page, name, 'dev-kept');
  await openEnvironmentTab(page, 'QA');
  await expectRevealed(page, name, 'qa-kept');
});
