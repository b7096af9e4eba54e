import type { APIRequestContext } from '@playwright/test';
import { VALUE_TYPE } from '../src/api/contract';
import { heapContains } from './audit';
import { expectNoViolations } from './axe';
import { CANARY, HTTP_FAKE_URL, HTTP_ENVS as ENVS } from './constants';
import { test, expect, HTTP_SESSION, row, startSignedIn } from './fixtures';

/**
 * Compare values on the overview of app_payments (60 keys × 4 environments; CANARY_TOKEN_1..3 hold
 * the CANARY in every environment): verdicts in the cells, no value in the page or its memory.
 */
const APP = 'app_payments';
const PRODUCTION = 3;
const SUMMARY = /^Compared 4 environments: [\d,]+ values? differs? from Production, [\d,]+ risky\. Results hide after 60\u00a0s\.$/;

/** An environment's clear values by key, read from the fake directly (the test's oracle). */
async function fullValues(request: APIRequestContext, envId: string): Promise<Map<string, string>> {
  const query = new URLSearchParams({ environment: envId, mode: 'Full' });
  const response = await request.get(`${HTTP_FAKE_URL}/api/apps/${APP}/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
  expect(response.status()).toBe(200);
  const { secrets } = (await response.json()) as { secrets: { key: string; valueType: string; serializedValue?: string }[] };
  return new Map(secrets.filter((s) => s.valueType !== VALUE_TYPE.none).map((s) => [s.key, s.serializedValue ?? '']));
}

test('compare values: verdicts and risky flags in the cells, no value in the DOM or the heap, cleared and expired, axe', async ({ page, request }) => {
  const values = await Promise.all(ENVS.map((env) => fullValues(request, env.id)));
  const production = values[PRODUCTION]!;
  // A key whose Development value differs from Production's (no placeholder or whitespace in this data).
  const differing = [...values[0]!].find(([key, value]) => production.has(key) && production.get(key) !== value)?.[0];
  expect(differing, 'a key of app_payments whose Development value differs from Production’s').toBeDefined();
  const allValues = values.flatMap((map) => [...map.values()]).filter((value) => value.length >= 8);
  expect(allValues).toContain(CANARY);

  await page.clock.install();
  await startSignedIn(page, HTTP_SESSION);
  await page.goto(`/apps/${APP}`);
  const table = page.getByRole('table', { name: 'Secrets by environment' });
  await expect(table.getByRole('columnheader', { name: 'Production', exact: true })).toContainText('missing');
  const summary = page.getByRole('status').filter({ hasText: /^Compared / });
  const compare = async () => {
    await page.getByRole('button', { name: 'Compare values' }).click();
    await expect(summary).toHaveText(SUMMARY);
  };
  await compare();

  // The canaries are equal everywhere: risky outside Production, production's own value unmarked.
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('CANARY_TOKEN');
  await expect(table.getByRole('row')).toHaveCount(4);
  const canary = row(page, 'CANARY_TOKEN_1').getByRole('cell');
  for (const i of [0, 1, 2]) await expect(canary.nth(i)).toContainText('⚠ risky: equals Production');
  await expect(canary.nth(PRODUCTION)).not.toContainText('equals');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(differing!);
  await expect(row(page, differing!).getByRole('cell').first()).toContainText('differs');

  // The Show filter's comparison options: the risky keys include the canaries.
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('');
  await expect(page.getByLabel('Show', { exact: true }).locator('option[value="risky"]')).toHaveText(/^Risky \(\d+\)$/);
  await page.getByLabel('Show', { exact: true }).selectOption('risky');
  await expect(row(page, 'CANARY_TOKEN_2')).toBeVisible();

  // No clear value anywhere in the page.
  const html = await page.content();
  expect(allValues.filter((value) => html.includes(value))).toEqual([]);

  // Presenting: the previews are masked, the verdicts stay.
  await page.keyboard.press('Alt+Shift+P');
  await expect(row(page, 'CANARY_TOKEN_2').getByRole('cell').first()).toHaveText('••••••••⚠ risky: equals Production');
  await page.keyboard.press('Alt+Shift+P');

  // Clear comparison: the markers, the summary and the filter's options go.
  await page.getByRole('button', { name: 'Clear comparison' }).click();
  await expect(summary).toHaveCount(0);
  await expect(page.getByLabel('Show', { exact: true })).toHaveValue('');
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('CANARY_TOKEN');
  await expect(canary.first()).not.toContainText('equals');

  // Again, then the auto-hide delay passes: gone too.
  await compare();
  await expect(canary.first()).toContainText('equals Production');
  await page.clock.fastForward(61_000);
  await expect(summary).toHaveCount(0);
  await expect(canary.first()).not.toContainText('equals');

  // Nothing of the Full lists is left in the page's memory (the query cache included).
  expect(await page.content()).not.toContain(CANARY);
  expect(await heapContains(page, [CANARY])).toEqual([]);

  // Axe with results shown, last: its script in the page would make the heap snapshot several times slower.
  await compare();
  await expectNoViolations(page, 'overview with a comparison');
});
