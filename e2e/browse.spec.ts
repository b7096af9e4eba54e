import { PATHS } from '../src/api/contract-http';
import { test, expect, controlDemoFake, DEMO_SESSION, injectFault, row, startSignedIn } from './fixtures';
import { SESSION_KEY } from './audit';

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

  // An app opens at its overview, each environment one tab away; the app bar says where we are.
  const payments = apps.getByRole('link', { name: /payments-api/ });
  await expect(payments).toHaveAttribute('href', '/apps/app_payments');
  await payments.click();
  await expect(page).toHaveURL(/\/apps\/app_payments$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText(['Overview', 'Development', 'QA', 'Staging', 'Production']);
  await page.getByRole('tab', { name: 'Development' }).click();
  await expect(page).toHaveURL(/\/apps\/app_payments\/development$/);
  await expect(page.getByRole('table', { name: 'Secrets in Development' })).toBeVisible();
  await expect(banner).toContainText('/ payments-api / Development');
  await expect(banner.getByRole('link', { name: 'payments-api' })).toHaveAttribute('href', '/apps/app_payments');
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
  await page.getByRole('menuitemradio', { name: 'Follow the system' }).click();
  await expect(html).toHaveClass(/\blight\b/);
  await expect(banner.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
});

test('the session ends: sign out forgets it (storage empty, Back shows no data); a 401 on load or mid-session asks to sign in again and lands where you were', async ({ page }) => {
  await startSignedIn(page);
  await page.goto('/apps');
  await page.getByRole('link', { name: /payments-api/ }).click();
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();

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
  await expect(page).toHaveURL(/\/apps\/app_data$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();

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
  await expect(page).toHaveURL(/\/apps\/app_web$/);
  await expect(page.getByRole('table', { name: 'Secrets by environment' })).toBeVisible();

  // No apps at all (the demo's saved data without any): said, and the form still there.
  await page.evaluate(() => {
    const saved = JSON.parse(sessionStorage.getItem('demo-fake-api-state')!) as { apps: unknown[] };
    sessionStorage.setItem('demo-fake-api-state', JSON.stringify({ ...saved, apps: [] }));
  });
  await page.goto('/apps');
  await expect(page.getByText(/^No apps yet\./)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'App name' })).toBeVisible();
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
