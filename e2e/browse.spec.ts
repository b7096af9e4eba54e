import type { Page, Request } from '@playwright/test';
import { PATHS } from '../src/api/contract-http';
import { test, expect, controlDemoFake, DEMO_SESSION, injectFault, openDemoEnvironment, row, startSignedIn } from './fixtures';
import { SESSION_KEY } from './audit';

interface FakeSecret {
  key: string;
  serializedValue?: string;
}

/** Secrets of payments-api as the demo fake renders them, asked from the page but not through the app. */
async function renderedByFake(page: Page, envId: string, mode: 'PreviewOnly' | 'Full', key?: string): Promise<FakeSecret[]> {
  return page.evaluate(
    async ([envId, mode, key]) => {
      const query = new URLSearchParams({ environment: envId, mode, ...(key ? { 'secret-name-filter': key } : {}) });
      const response = await fetch(`/api/apps/app_payments/secrets/rendered?${query}`, { headers: { Authorization: 'Bearer demo-token' } });
      return ((await response.json()) as { secrets: FakeSecret[] }).secrets;
    },
    [envId, mode, key] as const,
  );
}

/** A clear value of payments-api, from the demo fake. */
async function clearValue(page: Page, envId: string, key: string): Promise<string> {
  const [secret] = await renderedByFake(page, envId, 'Full', key);
  expect(secret?.serializedValue, `${key} has a value in ${envId}`).toBeDefined();
  return secret!.serializedValue!;
}

/** The tab goes to the background (another tab in front, the window minimised), as the browser tells the page. */
async function setTabVisibility(page: Page, state: 'hidden' | 'visible') {
  // Headless Chromium keeps every tab "visible": the page is told the way the browser would tell it.
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

// Journeys of several steps each (fewer, longer tests): more than the default 30 s when both workers are busy.
test.describe.configure({ timeout: 60_000 });

test('sign in, find and open an app, switch environments and search; the theme follows the system unless switched', async ({ page }) => {
  // Signing in goes back to a path of this app only, never to another site.
  await page.goto(`/sign-in?next=${encodeURIComponent('//evil.example/x')}`);
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/apps$/);
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Demo', { exact: true })).toBeVisible();

  // Apps: an instant, case-insensitive search, kept in the URL.
  const apps = page.getByRole('list', { name: 'Apps' });
  await expect(apps.getByRole('link')).toHaveCount(3);
  await expect(page.getByText('3 apps', { exact: true })).toBeVisible();
  const searchApps = page.getByRole('searchbox', { name: 'Search apps' });
  await searchApps.fill('nothing-like-this');
  await expect(page.getByText('No app matches “nothing-like-this”.')).toBeVisible();
  await searchApps.fill('PAY');
  await expect(page.getByText('1 of 3 apps match')).toBeVisible();
  await expect(page).toHaveURL(/\/apps\?q=PAY$/);
  await expect(apps.getByRole('link')).toHaveCount(1);

  // An app opens at its first environment; the app bar says where we are.
  const payments = apps.getByRole('link', { name: /payments-api/ });
  await expect(payments).toHaveAttribute('href', '/apps/app_payments');
  await payments.click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(banner).toContainText('/ payments-api / Development');
  await expect(banner.getByRole('link', { name: 'payments-api' })).toHaveAttribute('href', '/apps/app_payments');
  await expect(page.getByRole('tab')).toHaveText(['Development', 'QA', 'Staging', 'Production']);
  await expect(page.getByText(/^\d+ secrets in Development$/)).toBeVisible();

  // `/` jumps to the search box; in the box, `/` is typed like any character.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search keys' });
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await page.keyboard.type('a/b');
  await expect(search).toHaveValue('a/b');
  await expect(page.getByText('No key matches “a/b”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toHaveValue('');
  await expect(page).toHaveURL(/\/development$/);

  // Search: instant, case-insensitive, counted, in the URL; switching environment keeps it.
  await search.fill('smtp');
  await expect(page.getByText(/2 of \d+ secrets match “smtp”/)).toBeVisible();
  await expect(page).toHaveURL(/\/development\?q=smtp$/);
  await page.getByRole('tab', { name: 'Production' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/production\?q=smtp$/);
  await expect(page.getByRole('table', { name: 'Secrets in Production' })).toBeVisible();
  await expect(banner).toContainText('/ payments-api / Production');
  await expect(row(page, 'SMTP_PASSWORD')).toBeVisible();
  await expect(row(page, 'DATABASE_URL')).toHaveCount(0);

  // A deep link survives a reload: environment and search.
  await page.reload();
  await expect(search).toHaveValue('smtp');
  await expect(page.getByRole('tab', { name: 'Production' })).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 'SMTP_USERNAME')).toBeVisible();
  await expect(row(page, 'DATABASE_URL')).toHaveCount(0);

  // The theme follows the system (light here) until switched; "follow the system" goes back.
  const html = page.locator('html');
  await expect(html).toHaveClass(/\blight\b/);
  await banner.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(banner.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await banner.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('menuitem', { name: 'Theme: follow the system' }).click();
  await expect(html).toHaveClass(/\blight\b/);
  await expect(banner.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});

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
  await notSet.getByRole('button', { name: 'Reveal LEGACY_API_TOKEN' }).click();
  await expect(notSet.getByRole('button', { name: 'Hide LEGACY_API_TOKEN' })).toBeVisible();
  await expect(notSet).toContainText('Not set');

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
  await page.getByRole('menuitem', { name: '15 seconds' }).click();
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

test('the session ends: sign out forgets it (storage empty, Back shows no data); a 401 on load or mid-session asks to sign in again and lands where you were', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // Sign out: nothing of the session stays, and Back shows no data.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const stored = await page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
  expect(JSON.stringify(stored)).not.toContain('demo-token');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  // On load: a restored session whose token the API no longer accepts.
  await page.evaluate(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, JSON.stringify({ ...DEMO_SESSION, readToken: 'expired-token' })] as const);
  await page.goto('/apps/app_web/qa');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByText('Your session ended. Sign in again to continue where you were.')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/apps/app_web/qa');
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('table', { name: 'Secrets in QA' })).toBeVisible();
  await expect(page).toHaveURL(/\/apps\/app_web\/qa$/);

  // Mid-session: a reveal answered 401.
  await page.getByRole('searchbox', { name: 'Search keys' }).fill('DATABASE');
  await expect(page).toHaveURL(/\/apps\/app_web\/qa\?q=DATABASE$/);
  await injectFault(page, { match: { method: 'GET', path: PATHS.rendered, mode: 'Full' }, fault: { kind: 'status', status: 401 } });
  await row(page, 'DATABASE_URL').getByRole('button', { name: 'Reveal DATABASE_URL' }).click();
  await expect(page.getByText('Your session ended. Sign in again to continue where you were.')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('next')).toBe('/apps/app_web/qa?q=DATABASE');
  expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
  await expect(page.getByRole('table')).toHaveCount(0);

  await page.getByRole('textbox', { name: /^API token/ }).fill('demo-token');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Secrets in QA' })).toBeVisible();
  await expect(page).toHaveURL(/\/apps\/app_web\/qa\?q=DATABASE$/);
  await expect(page.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('DATABASE');
  await expect(page.getByLabel(/^Value of /)).toHaveCount(0);
});

test('the apps page: loading, an error with the server’s message and Retry, no listing endpoint, opening an app by name or id, no apps', async ({ page }) => {
  await page.goto('/sign-in');
  // The page shows once the demo's fake is running.
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  // The fake answers slowly, and refuses the first apps list.
  await controlDemoFake(page, 'POST', 'settings', { latencyMs: 1_000 });
  await injectFault(page, {
    match: { method: 'GET', path: PATHS.apps },
    fault: { kind: 'status', status: 403, body: { message: 'This token may list no apps', requestId: 'req_apps_403' } },
  });
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('status', { name: 'Loading apps' })).toHaveAttribute('aria-busy', 'true');
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load apps' });
  await expect(alert).toContainText('This token may list no apps');
  await expect(alert).toContainText('req_apps_403');
  await expect(alert).toContainText('Your token may be limited to some apps');

  // Retry, against an API without the listing endpoint (404): the app is opened by its name.
  await controlDemoFake(page, 'POST', 'settings', { latencyMs: 0, appsListing: false });
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByText('This API does not list apps. Open an app by its name or id below.')).toBeVisible();
  const form = page.getByRole('form', { name: 'Open an app by name or id' });
  const open = form.getByRole('button', { name: 'Open app' });
  await open.click();
  await expect(form.getByText('Enter the app’s name')).toBeVisible();
  await form.getByRole('textbox', { name: 'App name' }).fill('no-such-app');
  await open.click();
  await expect(form.getByRole('alert')).toContainText('No app has that name');
  await form.getByRole('textbox', { name: 'App name' }).fill('data-pipeline');
  await open.click();
  await expect(page).toHaveURL(/\/apps\/app_data\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // Two apps of one name (the fake reseeded with them, listing back): opened by id.
  await controlDemoFake(page, 'POST', 'reset', { ambiguousAppNames: true });
  await page.getByRole('banner').getByRole('link', { name: 'Secrets', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Apps' }).getByRole('link')).toHaveCount(5);
  await form.getByRole('textbox', { name: 'App name' }).fill('shared-service');
  await open.click();
  await expect(form.getByRole('alert')).toContainText('Several apps have that name: open it by id instead');
  await form.getByRole('radio', { name: 'by id' }).check();
  await form.getByRole('textbox', { name: 'App id' }).fill('app_web');
  await open.click();
  await expect(page).toHaveURL(/\/apps\/app_web\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();

  // No apps at all (the demo's saved data without any): said, and the form still there.
  await page.evaluate(() => {
    const saved = JSON.parse(sessionStorage.getItem('demo-fake-api-state')!) as { apps: unknown[] };
    sessionStorage.setItem('demo-fake-api-state', JSON.stringify({ ...saved, apps: [] }));
  });
  await page.goto('/apps');
  await expect(page.getByText(/^No apps yet\./)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'App name' })).toBeVisible();
});

test('the secrets page: skeletons while the list loads, news of a change on the server, an app without secrets, reset demo data, environments that fail to load, an app with 10,000 secrets', async ({ page, recorder }) => {
  await page.clock.install();
  await startSignedIn(page);
  await page.goto('/apps');
  const payments = page.getByRole('link', { name: /payments-api/ });
  await expect(payments).toBeVisible();

  // A slow list: skeletons, then the rows.
  await injectFault(page, { match: { method: 'GET', path: PATHS.rendered, mode: 'PreviewOnly' }, fault: { kind: 'latency', ms: 1_000 } });
  await payments.click();
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

test('a direct load works when app-config.js arrives after the app’s code (the demo is not taken for the real API)', async ({ page }) => {
  await startSignedIn(page);
  // The entry is async and app-config.js deferred: hold the config back so the entry has long run.
  await page.route('**/app-config.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.goto('/apps/app_payments/development');
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(row(page, 'ADMIN_USERNAME')).toBeVisible();
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
