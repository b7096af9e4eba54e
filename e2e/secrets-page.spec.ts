import { PATHS } from '../src/api/contract-http';
import { test, expect, controlDemoFake, injectFault, row, startSignedIn } from './fixtures';
import { renderedByFake } from './demo-fake';

// Journeys of several steps each (fewer, longer tests): more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

test('the secrets page: skeletons while the list loads, news of a change on the server, an app without secrets, reset demo data, environments that fail to load, an app with 10,000 secrets', async ({ page, recorder }) => {
  await page.clock.install();
  await startSignedIn(page);
  await page.goto('/apps/app_payments/production');
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();

  // A slow list: skeletons, then the rows.
  await injectFault(page, { match: { method: 'GET', path: PATHS.rendered, mode: 'PreviewOnly' }, fault: { kind: 'latency', ms: 1_000 } });
  await page.getByRole('tab', { name: 'Development' }).click();
  await expect(page.getByRole('status', { name: 'Loading secrets' })).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // Every 30 s the list is asked again, conditionally (If-None-Match); unchanged, nothing is said.
  await page.getByRole('tab', { name: 'Production' }).click();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('stripe');
  await expect(row(page, 'STRIPE_WEBHOOK_SECRET')).toBeVisible();
  const productionLists = () =>
    recorder.requests.filter((r) => {
      const url = new URL(r.url);
      return url.pathname === '/api/apps/app_payments/secrets/rendered' && url.searchParams.get('mode') === 'PreviewOnly' && url.searchParams.get('environment') === 'env_prod';
    });
  recorder.clear();
  await page.clock.fastForward(30_000);
  await expect.poll(() => productionLists().length).toBeGreaterThanOrEqual(1);
  for (const request of productionLists()) expect(request.headers['if-none-match']).toMatch(/^".+"$/);
  await expect(page.getByText(/changed on the server/)).toHaveCount(0);

  // Someone adds a secret: the next refresh shows it and says so, the search kept.
  const created = await page.evaluate(async () => {
    const response = await fetch('/api/apps/app_payments/secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'STRIPE_NEW_KEY', purposeType: 'APIKey', environmentScopedValues: [] }),
    });
    return response.status;
  });
  expect(created).toBe(201);
  await page.clock.fastForward(30_000);
  await expect(page.getByText('Secrets in Production changed on the server; the list is up to date.')).toBeVisible();
  await expect(row(page, 'STRIPE_NEW_KEY')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('stripe');

  // An app without secrets (the fake reseeded with an empty payments-api).
  await controlDemoFake(page, 'POST', 'reset', { secrets: 0, apps: 1, envs: 4 });
  await page.getByRole('tab', { name: 'QA' }).click();
  await expect(page.getByText(/^No secrets in this app yet\./)).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reveal all' })).toBeDisabled();

  // "Reset demo data" brings the seed back (and starts every query over); then environments that
  // fail to load: their list, which the apps page does not show, is asked for by the next page.
  await page.getByRole('banner').getByRole('link', { name: 'Secrets', exact: true }).click();
  const apps = page.getByRole('list', { name: 'Apps' }).getByRole('link');
  await expect(apps).toHaveCount(1);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitem', { name: 'Reset demo data' }).click();
  // The demo's three apps again: the seed is back (the fake's faults cleared with it).
  await expect(apps).toHaveCount(3);
  await injectFault(page, {
    match: { method: 'GET', path: PATHS.environments },
    fault: { kind: 'status', status: 403, body: { message: 'Environments are hidden from this token', requestId: 'req_env_403' } },
    times: 'Infinity',
  });
  await page.goBack();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load environments' });
  await expect(alert).toContainText('Environments are hidden from this token');
  await expect(alert).toContainText('req_env_403');
  await controlDemoFake(page, 'DELETE', 'faults');
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in QA' })).toBeVisible();
  // The seed's secrets, not the one added above.
  await expect(row(page, 'STRIPE_API_KEY')).toBeVisible();
  await expect(row(page, 'STRIPE_NEW_KEY')).toHaveCount(0);

  // An app with 10,000 secrets (the fake reseeded; Staging not loaded yet): a bounded window of
  // rows that follows the scroll, search, and one Full request to reveal.
  await controlDemoFake(page, 'POST', 'reset', { secrets: 10_000, apps: 1, envs: 4 });
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('');
  await page.getByRole('tab', { name: 'Staging' }).click();
  const table = page.getByRole('table', { name: 'Secrets in Staging' });
  await expect(table).toHaveAttribute('aria-rowcount', '10001', { timeout: 20_000 });
  await expect(page.getByText(/^10000 secrets in Staging/)).toBeVisible();

  const rows = table.getByRole('row');
  const firstRowIndex = async () => Number(await rows.nth(1).getAttribute('aria-rowindex'));
  expect(await firstRowIndex()).toBe(2);
  expect(await rows.count()).toBeGreaterThan(5);
  expect(await rows.count()).toBeLessThanOrEqual(100);

  // Scrolling the page moves the window of rows, still bounded.
  await page.evaluate(() => window.scrollTo(0, 52 * 5_000));
  await expect.poll(firstRowIndex).toBeGreaterThan(4_000);
  expect(await rows.count()).toBeLessThanOrEqual(100);

  // Search across all the keys (one far down the list, with a value), then reveal it.
  const list = await renderedByFake(page, 'env_staging', 'PreviewOnly');
  const key = list.slice(7_777).find((s) => s.serializedValue !== undefined)!.key;
  await page.evaluate(() => window.scrollTo(0, 0));
  recorder.clear();
  await page.getByRole('searchbox', { name: 'Search keys' }).fill(key.toLowerCase());
  await expect(row(page, key)).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(100);
  await row(page, key).getByRole('button', { name: `Reveal ${key}` }).click();
  await expect(row(page, key).getByLabel(`Value of ${key}`, { exact: true })).toBeVisible();
  const full = recorder.fullRequests();
  expect(full).toHaveLength(1);
  expect(new URL(full[0]!.url).searchParams.getAll('secret-name-filter')).toEqual([key]);
});
