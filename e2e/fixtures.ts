import { test as base, expect, type Page, type Request } from '@playwright/test';

export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
}

export interface Recorder {
  requests: RecordedRequest[];
  console: string[];
  /** API requests (under /api/) with `mode=Full`. */
  fullRequests(): RecordedRequest[];
  clear(): void;
}

async function record(request: Request): Promise<RecordedRequest> {
  return { url: request.url(), method: request.method(), headers: await request.allHeaders() };
}

/** Records every request the page makes and every console message. */
export const test = base.extend<{ recorder: Recorder }>({
  recorder: async ({ page }, use) => {
    const requests: RecordedRequest[] = [];
    const consoleMessages: string[] = [];
    const pending: Promise<unknown>[] = [];
    page.on('request', (request) => {
      pending.push(record(request).then((r) => requests.push(r)));
    });
    page.on('console', (message) => consoleMessages.push(message.text()));
    page.on('pageerror', (error) => consoleMessages.push(`pageerror: ${error.message}`));
    await use({
      requests,
      console: consoleMessages,
      fullRequests: () => requests.filter((r) => r.url.includes('/api/') && new URL(r.url).searchParams.get('mode') === 'Full'),
      clear: () => {
        requests.length = 0;
        consoleMessages.length = 0;
      },
    });
    await Promise.all(pending);
  },
});

export { expect };

/** Signs in to the demo from the sign-in page and waits for the apps list. */
export async function signInToDemo(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Explore the demo' }).click();
  await expect(page.getByRole('heading', { name: 'Apps', level: 1 })).toBeVisible();
}

/** Opens the payments app in an environment, signed in to the demo. */
export async function openDemoEnvironment(page: Page, envSlug = 'development'): Promise<void> {
  await signInToDemo(page);
  await page.goto(`/apps/app_payments/${envSlug}`);
  await expect(page.getByRole('table', { name: /Secrets in/ })).toBeVisible();
}

export function row(page: Page, key: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name: key, exact: true }) });
}
