import type { Locator, Page } from '@playwright/test';
import { test, expect, injectFault, row, setValuePattern, startSignedIn } from './fixtures';

/**
 * Every journey with the keyboard alone: no click, no fill. Focus must be visible wherever it
 * lands, Escape closes dialogs (asking first when something was typed), and focus goes back to
 * the control that opened a dialog.
 */

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}) {
  await expect(target).toBeVisible();
  // One lookup by role (costly on a large page), then cheap checks of that element per key press.
  const element = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    if (await element!.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await element!.dispose();
  await expect(target).toBeFocused({ timeout: 1 });
  await expectFocusVisible(page);
}

/** The focused element shows it: an outline, a box shadow, MUI's focus-visible state or a focused field. */
async function expectFocusVisible(page: Page) {
  const verdict = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing has focus';
    const style = getComputedStyle(el);
    if (el.classList.contains('Mui-focusVisible')) return 'visible';
    if (el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) return 'visible';
    if (style.boxShadow !== 'none') return 'visible';
    // A text field: MUI thickens and colours the field's border.
    if (el.matches('input, textarea') && el.closest('.MuiInputBase-root.Mui-focused')) return 'visible';
    return `no visible focus on ${el.outerHTML.slice(0, 160)}`;
  });
  expect(verdict).toBe('visible');
}

// Long journeys, one key at a time (a minute or more on a busy machine).
test.describe.configure({ timeout: 90_000 });

async function signInWithKeyboard(page: Page) {
  await page.goto('/sign-in');
  // The demo comes before the token form, which has focus.
  await tabTo(page, page.getByRole('button', { name: 'Explore the demo' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
}

test('sign in, open an app, switch environment, search, reveal, copy, set a value and sign out with the keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInWithKeyboard(page);

  await tabTo(page, page.getByRole('link', { name: /payments-api/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();

  // Tabs (the overview's first): the selected one is the tab stop; arrows move, Enter follows the link.
  await tabTo(page, page.getByRole('tab', { name: 'Overview' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Staging' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/apps\/app_payments\/staging$/);
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();

  // `/` jumps to search.
  await page.keyboard.press('/');
  const searchbox = page.getByRole('searchbox', { name: 'Search keys' });
  await expect(searchbox).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type('SMTP_PASSWORD');
  const keyRow = row(page, 'SMTP_PASSWORD');
  await expect(page.getByText(/1 of \d+ secrets match/)).toBeVisible();

  // Reveal with Enter, hide with Space; the toggle keeps focus.
  await tabTo(page, keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }));
  await page.keyboard.press('Enter');
  const value = keyRow.getByLabel('Value of SMTP_PASSWORD', { exact: true });
  await expect(value).toBeVisible();
  const clear = (await value.textContent()) ?? '';
  expect(clear).not.toBe('');
  await expect(keyRow.getByRole('button', { name: 'Hide SMTP_PASSWORD' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(value).toHaveCount(0);
  await expect(keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' })).toBeFocused();

  // Copy.
  await tabTo(page, keyRow.getByRole('button', { name: 'Copy SMTP_PASSWORD' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Copied SMTP_PASSWORD to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(clear);

  // Set a value: Escape asks before dropping what was typed; focus returns to the trigger.
  const edit = keyRow.getByRole('button', { name: 'Edit SMTP_PASSWORD' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Set SMTP_PASSWORD in Staging' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  await expect(field).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type('typed-with-keys');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(discard.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(discard).toBeHidden();
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('typed-with-keys');
  // A failed save leaves focus on Save (not lost in the dialog): Enter again retries.
  const save = editor.getByRole('button', { name: 'Save' });
  await tabTo(page, save);
  await injectFault(page, { match: { method: 'PUT', pathPattern: setValuePattern() }, fault: { kind: 'status', status: 500 } });
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('alert')).toContainText('Injected fault: status 500');
  await expect(save).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(page.getByText('Saved the new value of SMTP_PASSWORD in Staging.')).toBeVisible();
  await expect(edit).toBeFocused();
  await expectFocusVisible(page);

  // Escape with nothing typed closes at once.
  await page.keyboard.press('Enter');
  await expect(editor).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(edit).toBeFocused();

  // The saved value, revealed by keyboard.
  await tabTo(page, keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(value).toHaveText('typed-with-keys');

  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('create a secret with values, then set values on its page (production confirmed) with the keyboard', async ({ page }) => {
  const name = `KBD_${Date.now().toString(36).toUpperCase()}`;
  // Signing in with the keyboard is the first journey's: this one starts signed in.
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // Escape with input asks; Discard closes both dialogs and focus goes back to "New secret".
  const newSecret = page.getByRole('button', { name: 'New secret' });
  await tabTo(page, newSecret);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  const nameField = dialog.getByRole('textbox', { name: /^Name/ });
  await expect(nameField).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type('DRAFT');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard changes?' });
  await expect(discard.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await tabTo(page, discard.getByRole('button', { name: 'Discard' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(newSecret).toBeFocused();

  // A name that exists: the 409 is announced and focus stays on the submit button.
  await page.keyboard.press('Enter');
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveValue('');
  await page.keyboard.type('STRIPE_API_KEY');
  const submit = dialog.getByRole('button', { name: 'Create secret' });
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('STRIPE_API_KEY already exists');
  await expect(submit).toBeFocused();
  await expectFocusVisible(page);

  // Name, purpose (arrow keys in the radio group), two values, submit.
  await tabTo(page, nameField, { backwards: true });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(name);
  await expect(nameField).toHaveValue(name);
  await tabTo(page, dialog.getByRole('radio', { name: 'API key' }));
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'SSH key' })).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'SSH key' })).toBeChecked();
  await expectFocusVisible(page);
  await tabTo(page, dialog.getByRole('textbox', { name: 'Initial value in Development' }));
  await page.keyboard.type('dev-kbd');
  await tabTo(page, dialog.getByRole('textbox', { name: 'Initial value in QA' }));
  await page.keyboard.type('qa-kbd');
  await tabTo(page, dialog.getByRole('button', { name: 'Create secret' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();
  await expect(newSecret).toBeFocused();

  // Find it, open its page.
  await page.keyboard.press('/');
  await page.keyboard.type(name);
  await tabTo(page, row(page, name).getByRole('link', { name }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Purpose: SSH key')).toBeVisible();

  const qa = page.getByRole('region', { name: 'QA' });
  await tabTo(page, qa.getByRole('button', { name: 'Reveal value in QA' }));
  await page.keyboard.press('Enter');
  await expect(qa.getByLabel('Value in QA', { exact: true })).toHaveText('qa-kbd');

  // Production: the confirmation step starts on its confirm button; focus returns to the trigger.
  const production = page.getByRole('region', { name: 'Production' });
  await tabTo(page, production.getByRole('button', { name: 'Set value in Production' }));
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: `Set ${name} in Production` });
  await expect(editor.getByRole('textbox', { name: 'New value' })).toBeFocused();
  await page.keyboard.type('prod-kbd');
  await tabTo(page, editor.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(editor.getByText('Set value in Production?')).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Set value in Production' })).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(page.getByText(`Saved the new value of ${name} in Production.`)).toBeVisible();
  const replace = production.getByRole('button', { name: 'Replace value in Production' });
  await expect(replace).toBeFocused();
  await expectFocusVisible(page);
  await tabTo(page, production.getByRole('button', { name: 'Reveal value in Production' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(production.getByLabel('Value in Production', { exact: true })).toHaveText('prod-kbd');
});
