import { expect, type Page } from '@playwright/test';

/** Reads of the demo's fake made from the page, beside the app (what the fake holds, not what the app shows). */
export interface FakeSecret {
  key: string;
  serializedValue?: string;
}

/** Secrets of payments-api as the demo fake renders them, asked from the page but not through the app. */
export async function renderedByFake(page: Page, envId: string, mode: 'PreviewOnly' | 'Full', key?: string): Promise<FakeSecret[]> {
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
export async function clearValue(page: Page, envId: string, key: string): Promise<string> {
  const [secret] = await renderedByFake(page, envId, 'Full', key);
  expect(secret?.serializedValue, `${key} has a value in ${envId}`).toBeDefined();
  return secret!.serializedValue!;
}

/** The tab goes to the background (another tab in front, the window minimised), as the browser tells the page. */
export async function setTabVisibility(page: Page, state: 'hidden' | 'visible') {
  // Headless Chromium keeps every tab "visible": the page is told the way the browser would tell it.
  await page.evaluate((state) => {
    Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}
