import type { Page } from '@playwright/test';

/** A Content-Security-Policy violation as the page's `securitypolicyviolation` event told it. */
export interface Violation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Collects every `securitypolicyviolation` of every document the page loads (from before its first
 * script) and every console error; `violations()` reads the current document's, `errors` all.
 */
export async function watchPolicy(page: Page) {
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as { __violations?: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` });
    });
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    errors,
    violations: () => page.evaluate(() => (window as { __violations?: Violation[] }).__violations ?? []),
  };
}
