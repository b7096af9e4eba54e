import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Response } from '@playwright/test';
import { parse as parseDotenv } from 'dotenv';
import { PATHS, VALUE_TYPE } from '../src/api/contract';
import { expectNoLeak, TOKENS, watchPage } from './audit';
import { expectNoViolations } from './axe';
import { CANARY, HTTP_FAKE_URL } from './constants';
import { test, expect, contractPathPattern, HTTP_SESSION, injectHttpFault, startSignedIn } from './fixtures';

/** An app no other spec touches: its fault rules and what is imported here concern nobody else. */
const APP = 'app_0074';
const ENV = 'env_dev';
const KEYS = 200;

/** An environment's clear values, read from the fake directly (never through the page). */
async function fullValues(request: APIRequestContext): Promise<Map<string, string>> {
  const query = new URLSearchParams({ environment: ENV, mode: 'Full' });
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${APP}/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  const { secrets } = (await response.json()) as { secrets: Array<{ key: string; valueType: string; serializedValue?: string }> };
  return new Map(secrets.filter((s) => s.valueType !== VALUE_TYPE.none).map((s) => [s.key, s.serializedValue ?? '']));
}

/** A PEM-like block: several lines, as a key file holds them. */
const pem = (i: number) => `-----BEGIN PRIVATE KEY-----\n${CANARY}-pem-${i}-AAAAB3NzaC1yc2E\nQ29udGVudCBsaW5lIHR3bw==\n-----END PRIVATE KEY-----`;

/** The values imported, by key: plain, multi-line, with `#`, `=`, quotes and spaces, each holding the canary. */
function importedValues(): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < KEYS; i++) {
    const key = `IMPORTED_${String(i).padStart(3, '0')}`;
    const kinds = [`${CANARY}-${i}`, pem(i), `${CANARY}-${i} #not a comment`, `a=b&c=${CANARY}-${i}`, ` ${CANARY}-${i} "quoted" `];
    values.set(key, kinds[i % kinds.length]!);
  }
  return values;
}

/** The .env text of `values` as a teammate would write it, plus two broken lines and a name the service refuses. */
function envFile(values: Map<string, string>): string {
  const lines = ['# exported from the old vault', ''];
  for (const [key, value] of values) {
    if (value.includes('\n')) lines.push(`${key}="${value}"`);
    else if (value.includes('"')) lines.push(`${key}='${value}'`);
    else if (value.includes('#') || value.includes('=')) lines.push(`${key}="${value}"`);
    else lines.push(`export ${key}=${value}`);
    if (key === 'IMPORTED_050') lines.push('this line is not a pair');
    if (key === 'IMPORTED_120') lines.push('bad-name=1', '=no key');
  }
  return `${lines.join('\n')}\n`;
}

test('import a 200-key .env through a 429 and a 500, then export the environment and get back exactly what the service holds, leaving no value behind', async ({ page, context, recorder, request }) => {
  const values = importedValues();
  const watch = watchPage(page);
  const writes = new Map<string, number[]>();
  const creates: number[] = [];
  const valuesPath = new RegExp(`/api/apps/${APP}/secrets/([^/]+)/environments/${ENV}/values$`);
  page.on('response', (response: Response) => {
    const { pathname } = new URL(response.url());
    const method = response.request().method();
    if (method === 'PUT' && valuesPath.test(pathname)) writes.set(pathname, [...(writes.get(pathname) ?? []), response.status()]);
    if (method === 'POST' && pathname === `/api/apps/${APP}/secrets`) creates.push(response.status());
  });

  await startSignedIn(page, HTTP_SESSION);
  await page.goto(`/apps/${APP}/development`);
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import secrets' });
  await dialog.getByLabel(/^Choose a file/).setInputFiles({ name: 'old-vault.env', mimeType: 'text/plain', buffer: Buffer.from(envFile(values)) });
  // Broken lines are reported with their numbers; the refused name is shown, not imported.
  const unread = dialog.getByRole('alert').filter({ hasText: '2 lines could not be read' });
  await expect(unread.getByRole('listitem')).toHaveText([/^Line \d+ is not a KEY=value line$/, /^Line \d+ has no key before `=`$/]);
  await expect(dialog.getByRole('region', { name: 'Summary' })).toContainText(`${KEYS} keys new in Development`);
  await expect(dialog.getByRole('region', { name: 'Summary' })).toContainText('1 invalid name (skipped)');
  await expectNoViolations(page, 'the Import dialog with its preview');

  // The first write is told to slow down, the second fails once.
  const anyValue = `^(/api)?${contractPathPattern(PATHS.values, { appId: APP, envId: ENV })}$`;
  await injectHttpFault(request, { match: { method: 'PUT', pathPattern: anyValue }, fault: { kind: 'status', status: 429, retryAfter: 1 }, times: 1 });
  await injectHttpFault(request, { match: { method: 'PUT', pathPattern: anyValue }, fault: { kind: 'status', status: 500, body: { message: 'The store hiccuped', requestId: 'req_import_500' } }, times: 1 });
  await dialog.getByRole('button', { name: `Import ${KEYS} secrets` }).click();
  const status = dialog.getByRole('status').filter({ hasText: /^Imported/ });
  await expect(status).toHaveText(`Imported ${KEYS - 1} of ${KEYS} secrets, 1 failed.`, { timeout: 30_000 });
  await expect(dialog.getByRole('list', { name: 'Failed keys' })).toContainText('The store hiccuped (request id req_import_500)');
  await dialog.getByRole('button', { name: 'Retry the failed ones' }).click();
  await expect(status).toHaveText(`Imported ${KEYS} of ${KEYS} secrets.`, { timeout: 30_000 });

  // Every key was created once and set exactly once (the 429 and the 500 were sent again).
  expect(creates).toHaveLength(KEYS);
  expect(writes.size).toBe(KEYS);
  const statuses = [...writes.values()];
  expect(statuses.filter((s) => s.filter((status) => status < 300).length !== 1)).toEqual([]);
  expect(statuses.filter((s) => s.includes(429))).toHaveLength(1);
  expect(statuses.filter((s) => s.includes(500))).toHaveLength(1);
  const held = await fullValues(request);
  for (const [key, value] of values) expect(held.get(key), key).toBe(value);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Export: the downloaded .env parses back to exactly the service's values.
  await page.getByRole('button', { name: 'Export' }).click();
  const exportDialog = page.getByRole('dialog', { name: /^Export/ });
  await expect(exportDialog.getByRole('radio', { name: '.env' })).toBeChecked();
  await expect(exportDialog.getByRole('radio', { name: 'JSON' })).toBeVisible();
  await expect(exportDialog.getByRole('radio', { name: 'YAML' })).toBeVisible();
  await expectNoViolations(page, 'the Export dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), exportDialog.getByRole('button', { name: /^Download/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-development\.env$/);
  const exported = parseDotenv(await readFile(await download.path(), 'utf8'));
  expect(new Map(Object.entries(exported))).toEqual(await fullValues(request));
  await exportDialog.getByRole('button', { name: 'Close' }).click();

  // No imported or exported value (each holds the canary) is anywhere the audit reads.
  expect(await page.content()).not.toContain(CANARY);
  await expectNoLeak(page, context, recorder, [CANARY, ...TOKENS], watch);
});
