import type { Request } from '@playwright/test';
import { PATHS } from '../src/api/contract-http';
import { test, expect, injectFault, openDemoEnvironment, row } from './fixtures';
import { renderedByFake, clearValue, setTabVisibility } from './demo-fake';

// Journeys of several steps each (fewer, longer tests): more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

test('the masked list, then reveal one value with exactly one Full request, values shown as they are, reveal all and hide one or all', async ({ page, recorder }) => {
  await openDemoEnvironment(page);
  const table = page.getByRole('table', { name: 'Secrets in Development' });
  await expect(table.getByRole('columnheader')).toHaveText(['Key', 'Value', 'Actions']);
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.fill('DATABASE');
  const keyRow = row(page, 'DATABASE_PASSWORD');

  // Masked as the server sent it (PreviewOnly), with its actions; the key opens the secret's page.
  const [preview] = await renderedByFake(page, 'env_dev', 'PreviewOnly', 'DATABASE_PASSWORD');
  await expect(keyRow).toContainText(preview!.serializedValue!);
  await expect(keyRow.getByRole('button', { name: 'Reveal DATABASE_PASSWORD' })).toHaveAttribute('aria-pressed', 'false');
  await expect(keyRow.getByRole('button', { name: 'Copy DATABASE_PASSWORD' })).toBeEnabled();
  await expect(keyRow.getByRole('link', { name: 'DATABASE_PASSWORD' })).toHaveAttribute('href', '/apps/app_payments/secrets/sec_payments_003');
  // Nothing was revealed to show the list.
  expect(recorder.fullRequests()).toEqual([]);

  recorder.clear();
  await keyRow.getByRole('button', { name: 'Reveal DATABASE_PASSWORD' }).click();
  const value = keyRow.getByLabel('Value of DATABASE_PASSWORD', { exact: true });
  await expect(value).toBeVisible();
  await expect(keyRow.getByRole('button', { name: 'Hide DATABASE_PASSWORD' })).toHaveAttribute('aria-pressed', 'true');
  const clear = (await value.textContent()) ?? '';
  expect(clear.length).toBeGreaterThan(4);
  expect(clear).not.toBe(preview!.serializedValue);

  const full = recorder.fullRequests();
  expect(full).toHaveLength(1);
  const url = new URL(full[0]!.url);
  expect(url.searchParams.getAll('secret-name-filter')).toEqual(['DATABASE_PASSWORD']);
  expect(url.searchParams.get('environment')).toBe('env_dev');
  expect(full[0]!.headers['authorization']).toBe('Bearer demo-token');
  expect(full[0]!.url).not.toContain('demo-token');

  await keyRow.getByRole('button', { name: 'Hide DATABASE_PASSWORD' }).click();
  await expect(value).toHaveCount(0);
  expect(await page.content()).not.toContain(clear);

  // Values as they are: lines and a tab (in full once expanded), surrounding spaces; no value stays "Not set".
  await search.fill('MULTILINE_CONFIG');
  await row(page, 'MULTILINE_CONFIG').getByRole('button', { name: 'Reveal MULTILINE_CONFIG' }).click();
  await row(page, 'MULTILINE_CONFIG').getByRole('button', { name: 'Expand value of MULTILINE_CONFIG' }).click();
  // innerText is the text as laid out: line breaks and tabs survive only where the page keeps them.
  await expect.poll(() => row(page, 'MULTILINE_CONFIG').getByLabel('Value of MULTILINE_CONFIG', { exact: true }).innerText()).toBe('[server]\nenv = "development"\n\tworkers = 4\n');
  await search.fill('PADDED_VALUE');
  await row(page, 'PADDED_VALUE').getByRole('button', { name: 'Reveal PADDED_VALUE' }).click();
  await row(page, 'PADDED_VALUE').getByRole('button', { name: 'Expand value of PADDED_VALUE' }).click();
  await expect.poll(() => row(page, 'PADDED_VALUE').getByLabel('Value of PADDED_VALUE', { exact: true }).innerText()).toBe('  value with surrounding spaces  ');
  await search.fill('LEGACY_API_TOKEN');
  const notSet = row(page, 'LEGACY_API_TOKEN');
  await expect(notSet).toContainText('Not set');
  await expect(notSet.getByRole('button', { name: 'Copy LEGACY_API_TOKEN' })).toBeDisabled();
  // Nothing to reveal: the button says so rather than revealing "Not set".
  await expect(notSet.getByRole('button', { name: 'Reveal LEGACY_API_TOKEN' })).toBeDisabled();
  await expect(notSet.getByRole('button', { name: 'Reveal LEGACY_API_TOKEN' })).toHaveAttribute('title', 'No value to reveal');

  // Reveal all: one request for the environment; hiding one row hides only that row.
  await search.fill('DATABASE');
  recorder.clear();
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(page.getByLabel('Value of DATABASE_PASSWORD', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Value of DATABASE_URL', { exact: true })).toBeVisible();
  expect(recorder.fullRequests()).toHaveLength(1);
  const all = new URL(recorder.fullRequests()[0]!.url);
  expect(all.searchParams.has('secret-name-filter')).toBe(false);
  expect(all.searchParams.get('environment')).toBe('env_dev');
  await keyRow.getByRole('button', { name: 'Hide DATABASE_PASSWORD' }).click();
  await expect(page.getByLabel('Value of DATABASE_PASSWORD', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Value of DATABASE_URL', { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(clear);
  await page.getByRole('button', { name: 'Hide all' }).click();
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reveal all' })).toBeVisible();
  expect(await page.content()).not.toContain(clear);
});

test('revealed values hide: a reveal on its way is cancelled by Hide or Hide all; after the delay (default or chosen), when the tab is hidden, on leaving the environment or the app', async ({ page, recorder }) => {
  await page.clock.install();
  await openDemoEnvironment(page, 'production');
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.fill('SMTP');
  const keyRow = row(page, 'SMTP_PASSWORD');
  const value = keyRow.getByLabel('Value of SMTP_PASSWORD', { exact: true });
  const clear = await clearValue(page, 'env_prod', 'SMTP_PASSWORD');
  const countdown = keyRow.getByText(/^Hides in \d+ s$/);
  const secondsLeft = async () => Number(/\d+/.exec((await countdown.textContent()) ?? '')?.[0]);
  // Reveal requests that have ended, answered or aborted: 'one' (a key) or 'all'.
  const ended: string[] = [];
  const onEnd = (request: Request) => {
    const url = new URL(request.url());
    if (url.searchParams.get('mode') === 'Full') ended.push(url.searchParams.has('secret-name-filter') ? 'one' : 'all');
  };
  page.on('requestfinished', onEnd);
  page.on('requestfailed', onEnd);
  const slow = { match: { method: 'GET', path: PATHS.rendered, mode: 'Full' }, fault: { kind: 'latency', ms: 20_000 } } as const;
  recorder.clear();

  // One value: progress, then Hide while the answer is 20 s away; the fake answers 20 s later (if anyone listens).
  await injectFault(page, slow);
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(keyRow.getByRole('progressbar', { name: 'Revealing SMTP_PASSWORD' })).toBeVisible();
  await keyRow.getByRole('button', { name: 'Hide SMTP_PASSWORD' }).click();
  await expect(keyRow.getByRole('progressbar', { name: 'Revealing SMTP_PASSWORD' })).toHaveCount(0);
  await expect(keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect.poll(() => ended).toContain('one');

  // Reveal all, then Hide all while its answer is on its way.
  await injectFault(page, slow);
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(keyRow.getByRole('progressbar', { name: 'Revealing SMTP_PASSWORD' })).toBeVisible();
  await page.getByRole('button', { name: 'Hide all' }).click();
  await expect(page.getByRole('button', { name: 'Reveal all' })).toBeVisible();
  await page.clock.fastForward(21_000);
  await expect.poll(() => ended).toContain('all');

  // A later reveal answers: by then, a late answer would have shown its values too.
  await row(page, 'SMTP_USERNAME').getByRole('button', { name: 'Reveal SMTP_USERNAME' }).click();
  await expect(page.getByLabel('Value of SMTP_USERNAME', { exact: true })).toBeVisible();
  await expect(value).toHaveCount(0);
  await expect(page.getByLabel(/^Value of /)).toHaveCount(1);
  expect(await page.content()).not.toContain(clear);
  expect(recorder.fullRequests()).toHaveLength(3);
  await row(page, 'SMTP_USERNAME').getByRole('button', { name: 'Hide SMTP_USERNAME' }).click();
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);

  // 60 s by default, counted down in the row.
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(value).toBeVisible();
  const atFirst = await secondsLeft();
  expect(atFirst).toBeLessThanOrEqual(60);
  expect(atFirst).toBeGreaterThan(40);
  await page.clock.fastForward(30_000);
  await expect.poll(secondsLeft).toBeLessThanOrEqual(atFirst - 30);
  await expect(value).toBeVisible();
  await page.clock.fastForward(31_000);
  await expect(value).toHaveCount(0);
  await expect(keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' })).toBeVisible();
  expect(await page.content()).not.toContain(clear);

  // A delay chosen in the settings, for every revealed value.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitemradio', { name: '15 seconds', exact: true }).click();
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(value).toBeVisible();
  await expect(page.getByText(/revealed values hide after 15 s/)).toBeVisible();
  expect(await secondsLeft()).toBeLessThanOrEqual(15);
  await page.clock.fastForward(16_000);
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);

  // The tab goes to the background: everything hides.
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(row(page, 'SMTP_USERNAME').getByLabel('Value of SMTP_USERNAME', { exact: true })).toBeVisible();
  await setTabVisibility(page, 'hidden');
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
  expect(await page.content()).not.toContain(clear);
  await setTabVisibility(page, 'visible');

  // Another environment: nothing revealed there, nothing of this one kept.
  await keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' }).click();
  await expect(value).toBeVisible();
  await page.getByRole('tab', { name: 'Staging' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();
  await expect(keyRow.getByRole('button', { name: 'Reveal SMTP_PASSWORD' })).toBeVisible();
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
  expect(await page.content()).not.toContain(clear);

  // Another page (the apps): nothing kept, nothing shown on coming back.
  await page.getByRole('button', { name: 'Reveal all' }).click();
  await expect(value).toBeVisible();
  const staging = (await value.textContent()) ?? '';
  await page.getByRole('banner').getByRole('link', { name: 'Secrets', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain(staging);
  await page.goBack();
  await expect(page.getByRole('table', { name: 'Secrets in Staging' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reveal all' })).toBeVisible();
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
});

test('copy puts the exact value on the clipboard without showing it, and says so when the clipboard refuses', async ({ page, context, recorder }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDemoEnvironment(page, 'production');
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await search.fill('sentry');
  recorder.clear();
  await row(page, 'SENTRY_DSN').getByRole('button', { name: 'Copy SENTRY_DSN' }).click();
  await expect(page.getByText('Copied SENTRY_DSN to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^https:\/\//);
  // One Full request for that key alone.
  const full = recorder.fullRequests();
  expect(full).toHaveLength(1);
  expect(new URL(full[0]!.url).searchParams.getAll('secret-name-filter')).toEqual(['SENTRY_DSN']);
  expect(full[0]!.headers['authorization']).toBe('Bearer demo-token');
  expect(await page.content()).not.toContain(copied);

  // A value of several lines, exactly.
  await search.fill('DEPLOY_SSH_KEY');
  const deployKey = row(page, 'DEPLOY_SSH_KEY');
  await deployKey.getByRole('button', { name: 'Copy DEPLOY_SSH_KEY' }).click();
  await expect(page.getByText('Copied DEPLOY_SSH_KEY to the clipboard.')).toBeVisible();
  const sshKey = await page.evaluate(() => navigator.clipboard.readText());
  expect(sshKey).toBe(await clearValue(page, 'env_prod', 'DEPLOY_SSH_KEY'));
  expect(sshKey.split('\n').length).toBeGreaterThan(3);

  // The clipboard refuses (permission denied, as the browser reports it): said, without the value.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await deployKey.getByRole('button', { name: 'Copy DEPLOY_SSH_KEY' }).click();
  await expect(page.getByText('Could not copy DEPLOY_SSH_KEY: The browser did not allow access to the clipboard.')).toBeVisible();
  for (const line of sshKey.split('\n').filter((l) => l.length > 20)) expect(await page.content()).not.toContain(line);
});
