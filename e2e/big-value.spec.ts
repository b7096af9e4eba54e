import { test, expect, row, startSignedIn } from './fixtures';
import { MAX_VALUE_BYTES } from '../src/api/contract-http';

/** A value at the service's limit stays workable; one byte past it is refused before sending. */
test('a 1 MiB + 1 byte value is hidden whole while masked, refused with its size, and kept', async ({ page }) => {
  await startSignedIn(page);
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') writes.push(r.url());
  });
  await page.goto('/apps/app_payments/development?q=SMTP_PASSWORD');
  await row(page, 'SMTP_PASSWORD').getByRole('button', { name: 'Edit SMTP_PASSWORD' }).click();
  const editor = page.getByRole('dialog', { name: 'Set SMTP_PASSWORD in Development' });
  const field = editor.getByRole('textbox', { name: 'New value' });
  // As a paste would put it there, in one input event (Playwright's fill of 1 MiB outlasts the test).
  await field.evaluate((el: HTMLTextAreaElement, length) => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, 'x'.repeat(length));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, MAX_VALUE_BYTES + 1);

  // Masked without a disc per character (which froze the tab): hidden whole, its size said.
  await expect(editor.getByText('1,048,577 characters, hidden. Show the value to see it.')).toBeVisible();
  expect(await field.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('none');
  expect(await field.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');

  // Too large: said with the size, nothing sent, the text kept for shortening.
  await expect(editor.getByRole('alert')).toContainText('The value is 1,048,577 bytes of UTF-8; a value can be at most 1,048,576 bytes');
  await expect(editor.getByRole('button', { name: 'Save' })).toBeDisabled();
  expect(await field.evaluate((el: HTMLTextAreaElement) => el.value.length)).toBe(MAX_VALUE_BYTES + 1);
  expect(writes).toEqual([]);

  // One byte shorter is within the limit.
  await field.press('Backspace');
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Save' })).toBeEnabled();
});
