import type { Page } from '@playwright/test';
import { test, expect, DEMO_SESSION, row, startSignedIn } from './fixtures';

/** What a teammate hit on their first day, in the demo. */

/**
 * Every visible control labelled with aria-label has a name that starts with its visible text
 * (WCAG 2.5.3, label in name). Returns the ones that do not.
 */
async function labelsNotStartingWithText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button[aria-label], a[aria-label], [role="tab"][aria-label], [role="button"][aria-label]');
    const bad: string[] = [];
    for (const el of controls) {
      if (el.getClientRects().length === 0) continue;
      const text = el.innerText.replace(/\s+/g, ' ').replace(/…$/, '').trim().toLowerCase();
      const name = (el.getAttribute('aria-label') ?? '').toLowerCase();
      if (text && !name.startsWith(text)) bad.push(`"${el.innerText.trim()}" named "${el.getAttribute('aria-label')}"`);
    }
    return bad;
  });
}

test('"Explore the demo" from the focused, empty token field shows no validation error on the way', async ({ page }) => {
  // Any moment the error is in the page, from the first paint on, is recorded.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.innerText.includes('Paste your API access token')) (window as { __flashed?: boolean }).__flashed = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('/sign-in');
  await expect(page.getByRole('textbox', { name: /^API token/ })).toBeFocused();
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { __flashed?: boolean }).__flashed ?? false)).toBe(false);

  // The check still runs when it matters: on submit, then as the user types.
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Paste your API access token')).toBeVisible();
  await page.getByRole('textbox', { name: /^API token/ }).fill('x y');
  await expect(page.getByText('A token has no spaces or line breaks inside')).toBeVisible();
});

test('every control’s name starts with its visible text, on the secrets page, a secret’s page and their dialogs', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  expect(await labelsNotStartingWithText(page)).toEqual([]);
  await page.getByRole('button', { name: 'New secret' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await labelsNotStartingWithText(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await row(page, 'DATABASE_URL').getByRole('link', { name: 'DATABASE_URL', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'DATABASE_URL' })).toBeVisible();
  await page.getByRole('region', { name: 'Staging' }).getByRole('button', { name: 'Reveal value in Staging' }).click();
  await expect(page.getByRole('region', { name: 'Staging' }).getByLabel('Value in Staging', { exact: true })).toBeVisible();
  expect(await labelsNotStartingWithText(page)).toEqual([]);
  await page.getByRole('region', { name: 'Staging' }).getByRole('button', { name: /^Copy from/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await labelsNotStartingWithText(page)).toEqual([]);
});

test('a read-only session sees the write controls disabled, and why; a Write token enables them', async ({ page }) => {
  await startSignedIn(page, { baseUrl: DEMO_SESSION.baseUrl, demo: true, readToken: 'demo-read-token' });
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(page.getByText(/^Read only: your token lists and reveals secrets but cannot change them/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New secret' })).toBeDisabled();
  const keyRow = row(page, 'DATABASE_URL');
  await expect(keyRow.getByRole('button', { name: 'Edit DATABASE_URL' })).toBeDisabled();
  // Reading still works.
  await keyRow.getByRole('button', { name: 'Reveal DATABASE_URL' }).click();
  await expect(keyRow.getByLabel('Value of DATABASE_URL', { exact: true })).toBeVisible();

  await keyRow.getByRole('link', { name: 'DATABASE_URL', exact: true }).click();
  const staging = page.getByRole('region', { name: 'Staging' });
  await expect(staging.getByRole('button', { name: 'Replace value in Staging' })).toBeDisabled();
  await expect(staging.getByRole('button', { name: /^Copy from/ })).toBeDisabled();
  await expect(page.getByText(/^Read only:/)).toBeVisible();

  // Signed in again with a Write token as well: the same controls work.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('textbox', { name: /^API token/ }).fill('demo-read-token');
  await page.getByLabel('Write token (optional)').fill('demo-write-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('button', { name: 'New secret' })).toBeEnabled();
  await expect(row(page, 'DATABASE_URL').getByRole('button', { name: 'Edit DATABASE_URL' })).toBeEnabled();
  await expect(page.getByText(/^Read only:/)).toHaveCount(0);
});

test('a token that cannot read gets no Reveal or Copy', async ({ page }) => {
  await startSignedIn(page, { baseUrl: DEMO_SESSION.baseUrl, demo: true, readToken: 'demo-write-token' });
  await page.goto('/apps/app_payments/development');
  await expect(page.getByText('Your token may not read Development of this app')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Reveal|Copy)/ })).toHaveCount(0);
});

test('settings: labelled groups with the current choice checked; resetting the demo says it did', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development');
  await page.getByRole('button', { name: 'Settings' }).click();
  const menu = page.getByRole('menu', { name: 'Settings' });
  await expect(menu.getByText('Hide revealed values after')).toBeVisible();
  await expect(menu.getByText('Theme', { exact: true })).toBeVisible();
  await expect(menu.getByRole('menuitemradio', { name: 'Follow the system' })).toHaveAttribute('aria-checked', 'true');
  await menu.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(menu.getByRole('menuitemradio', { name: 'Dark' })).toHaveAttribute('aria-checked', 'true');
  await expect(menu.getByRole('menuitemradio', { name: 'Follow the system' })).toHaveAttribute('aria-checked', 'false');
  await menu.getByRole('menuitem', { name: 'Reset demo data' }).click();
  await expect(page.getByText('Demo data reset: every app and secret is as it was at the start.')).toBeVisible();
});

test('a secret just created is scrolled into view and highlighted', async ({ page }) => {
  await startSignedIn(page);
  await page.setViewportSize({ width: 1280, height: 600 });
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  // Last in the list, far below the fold of a 600 px window.
  const name = `ZZ_NEW_${Date.now().toString(36).toUpperCase()}`;
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill('v1');
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog).toBeHidden();
  const created = row(page, name);
  await expect(created).toBeInViewport();
  await expect(page.locator('[role="row"][data-highlighted]')).toHaveCount(1);
  await expect(page.locator('[role="row"][data-highlighted]')).toContainText(name);
});

test('a search with no match says so once', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps/app_payments/development?q=NO_SUCH_KEY_ANYWHERE');
  await expect(page.getByText('No key matches “NO_SUCH_KEY_ANYWHERE”.')).toBeVisible();
  await expect(page.getByText(/ of \d+ secrets match/)).toHaveCount(0);
});

test('the apps page asks how to look an app up before the field it applies to', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  // Measured once the list above has loaded (its skeletons are taller than the list).
  await expect(page.getByRole('link', { name: /payments-api/ })).toBeVisible();
  const form = page.getByRole('form', { name: 'Open an app by name or id' });
  const choice = form.getByRole('radiogroup', { name: 'Look the app up' });
  const field = form.getByRole('textbox', { name: 'App name' });
  const choiceBottom = await choice.evaluate((el) => el.getBoundingClientRect().bottom);
  const fieldTop = await field.evaluate((el) => el.getBoundingClientRect().top);
  expect(choiceBottom).toBeLessThanOrEqual(fieldTop);
  await choice.getByRole('radio', { name: 'by id' }).check();
  await expect(form.getByRole('textbox', { name: 'App id' })).toBeVisible();
});

for (const width of [1280, 360]) {
  test(`screenshots at ${width} px: sign-in, apps, secrets, a secret, the create dialog, settings`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 800 });
    // Kept in the test's output directory (test-results/) to look at, never compared pixel for pixel.
    const shot = async (name: string) => {
      const path = testInfo.outputPath(`${name}-${width}.png`);
      await page.screenshot({ fullPage: true, path });
    };
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: 'Explore the demo' })).toBeVisible();
    await shot('sign-in');
    await page.getByRole('button', { name: 'Explore the demo' }).click();
    await expect(page.getByRole('link', { name: /payments-api/ })).toBeVisible();
    await shot('apps');
    await page.goto('/apps/app_payments/development');
    await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
    await shot('secrets');
    // Import, Export and "Use it locally": toolbar buttons when wide, a "More" menu when narrow.
    if (width === 360) {
      await expect(page.getByRole('button', { name: 'Use it locally' })).toHaveCount(0);
      await page.getByRole('button', { name: 'More' }).click();
      await expect(page.getByRole('menu', { name: 'More actions' }).getByRole('menuitem')).toHaveText(['Import', 'Export', 'Use it locally']);
      await page.getByRole('menuitem', { name: 'Use it locally' }).click();
    } else {
      await expect(page.getByRole('button', { name: 'More' })).toHaveCount(0);
      await page.getByRole('button', { name: 'Use it locally' }).click();
    }
    const local = page.getByRole('dialog', { name: 'Use it locally' });
    // Loaded straight from its URL, the page has not read the apps listing: the CLI gets the app's id.
    await expect(local.getByText('cmdk run app_payments --identifier-type Identifier --environment development -- npm start', { exact: true })).toBeVisible();
    await shot('use-it-locally');
    await page.keyboard.press('Escape');
    await expect(local).toBeHidden();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('menu', { name: 'Settings' })).toBeVisible();
    await shot('settings');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'New secret' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('textbox', { name: /^Name/ }).fill('my key');
    await shot('create-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Discard changes?' }).getByRole('button', { name: 'Discard' }).click();
    await row(page, 'DATABASE_URL').getByRole('link', { name: 'DATABASE_URL', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'DATABASE_URL' })).toBeVisible();
    await expect(page.getByLabel('Masked value in Production')).toBeVisible();
    await shot('secret');
  });
}
