import { test, expect, startSignedIn } from './fixtures';

/**
 * A host that sends no frame-ancestors / X-Frame-Options (here `vite preview`): framed by another
 * page, the dashboard draws only a way out — no session is read, no request is sent.
 */
test('inside a frame the dashboard refuses to render and offers its own tab', async ({ page, baseURL }) => {
  await startSignedIn(page);
  const apiRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiRequests.push(r.url());
  });
  await page.route(`${baseURL}/framing-host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>host</title><iframe src="/apps/app_payments/development" width="800" height="600"></iframe>` }),
  );
  await page.goto('/framing-host.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { name: 'This dashboard cannot be shown inside another page' })).toBeVisible();
  const link = frame.getByRole('link', { name: 'Open the dashboard in a new tab' });
  await expect(link).toHaveAttribute('href', `${baseURL}/apps/app_payments/development`);
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(frame.getByRole('table')).toHaveCount(0);
  expect(apiRequests).toEqual([]);
});
