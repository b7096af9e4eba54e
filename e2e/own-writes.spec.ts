import type { Page } from '@playwright/test';
import { test, expect, openDemoEnvironment, row } from './fixtures';

// One journey of several writes: more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

/** A name no seeded secret has (each test also has its own fake). */
function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).toUpperCase()}`;
}

/**
 * Records every toast (a status or alert with a Close button) as it comes (+text) and goes
 * (-text), in order: what the user was told, and whether two were ever up at once.
 */
async function recordToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const events: string[] = [];
    (window as unknown as { e2eToasts: string[] }).e2eToasts = events;
    const notesIn = (nodes: NodeList) =>
      [...nodes]
        .filter((node): node is Element => node instanceof Element)
        .flatMap((node) => [node, ...node.querySelectorAll('[role=status], [role=alert]')])
        .filter((el) => el.matches('[role=status], [role=alert]') && el.querySelector('button[aria-label="Close"]'));
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const note of notesIn(mutation.removedNodes)) events.push(`-${note.textContent}`);
        for (const note of notesIn(mutation.addedNodes)) events.push(`+${note.textContent}`);
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { e2eToasts: string[] }).e2eToasts]);
}

/** Creates a secret from the secrets page, with an initial value in Development. */
async function createSecret(page: Page, name: string) {
  await page.getByRole('button', { name: 'New secret' }).click();
  const dialog = page.getByRole('dialog', { name: /^(New secret|Initial values of )/ });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  await dialog.getByRole('radio', { name: 'Other' }).check();
  await dialog.getByRole('textbox', { name: 'Initial value in Development' }).fill('first value');
  await dialog.getByRole('button', { name: 'Create secret' }).click();
  await expect(dialog).toBeHidden();
}

/** A secret added behind the page's back (a teammate, the CLI): straight to the demo's fake. */
async function createdElsewhere(page: Page, name: string) {
  const status = await page.evaluate(async (name) => {
    const response = await fetch('/api/apps/app_payments/secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, purposeType: 'APIKey', environmentScopedValues: [] }),
    });
    return response.status;
  }, name);
  expect(status).toBe(201);
}

test('your own create and set value are not news from the server, a change behind your back is, and toasts queue rather than hide each other', async ({ page }) => {
  await page.clock.install();
  await openDemoEnvironment(page, 'development');
  const toasts = await recordToasts(page);
  const toast = (text: string | RegExp) => page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Close' }) }).filter({ hasText: text });
  const name = uniqueName('E2E_OWN');

  // Create: its toast, with Open; the list shows the new key (refreshed with this tab's write).
  await createSecret(page, name);
  const created = toast(`Created ${name}.`);
  await expect(created).toBeVisible();
  await expect(created.getByRole('link', { name: 'Open' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(name);
  await expect(row(page, name)).toBeVisible();

  // Set a value while the create's toast is up: its toast waits its turn, then shows.
  await row(page, name).getByRole('button', { name: `Edit ${name}` }).click();
  const editor = page.getByRole('dialog', { name: `Set ${name} in Development` });
  await editor.getByRole('textbox', { name: 'New value' }).fill('second value');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  const createdText = `Created ${name}.Open`;
  const savedText = `Saved the new value of ${name} in Development.`;
  const saved = toast(savedText);
  await expect(saved).toBeVisible();
  // One toast at a time, in order, each shown; neither write was news from the server.
  expect(await toasts()).toEqual([`+${createdText}`, `-${createdText}`, `+${savedText}`]);
  await saved.getByRole('button', { name: 'Close' }).click();
  await expect(saved).toHaveCount(0);

  // A secret added elsewhere: the next refresh says so.
  await createdElsewhere(page, uniqueName('E2E_THEIRS'));
  await page.clock.fastForward(30_000);
  const news = toast('Secrets in Development changed on the server; the list is up to date.');
  await expect(news).toBeVisible();

  // Still one at a time; the change made elsewhere was the only news.
  const newsText = 'Secrets in Development changed on the server; the list is up to date.';
  expect(await toasts()).toEqual([`+${createdText}`, `-${createdText}`, `+${savedText}`, `-${savedText}`, `+${newsText}`]);
  await news.getByRole('button', { name: 'Close' }).click();

  // The create toast's Open goes to the secret's page.
  const another = uniqueName('E2E_OPEN');
  await createSecret(page, another);
  await toast(`Created ${another}.`).getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/secrets\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: another })).toBeVisible();
});
