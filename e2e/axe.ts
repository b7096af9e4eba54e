import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** The rules whose verdict depends on colours: all that can change between light and dark. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

type Scheme = 'light' | 'dark';

/** Colours are measured as painted: let transitions (a button just enabled, a dialog fading in) end first. */
async function settle(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

async function scan(page: Page, what: string, rules?: readonly string[]) {
  await settle(page);
  // Legacy mode runs axe in the page itself rather than in a new blank tab per scan (our pages have
  // no frames to combine): about half the time of each scan.
  const builder = new AxeBuilder({ page }).setLegacyMode();
  const results = await (rules ? builder.withRules([...rules]) : builder.withTags(WCAG_TAGS)).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).slice(0, 3).join(' | ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Follows the system scheme (the app's default): the page repaints in it, without a reload. */
async function useScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.documentElement.classList.contains(s), scheme);
}

/**
 * Runs axe with the WCAG 2.2 A/AA rules over the page in the scheme it shows, then switches to the
 * other scheme and runs the colour rules again (the same DOM: only colours differ). Expects no
 * violation in either; the page stays in the second scheme, so full scans alternate between them.
 */
export async function expectNoViolations(page: Page, what: string) {
  const current: Scheme = await page.evaluate(() => (document.documentElement.classList.contains('dark') ? 'dark' : 'light'));
  const other: Scheme = current === 'dark' ? 'light' : 'dark';
  await scan(page, `${what} (${current})`);
  await useScheme(page, other);
  await scan(page, `${what} (${other})`, COLOUR_RULES);
}
