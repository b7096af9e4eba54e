/**
 * How the bulk-write loads (copy, import) run: a fresh page with a Write session and the status
 * watch, the fake answering `latencyMs` late (back to 0 after), and their measures one after the other.
 */
import type { Page } from '@playwright/test';
import { wanted, type MetricKey, type RunResult, type RunSetup } from './metrics.ts';
import { STATUS_WATCH } from './overview-scripts.ts';
import { describePage, fakeControl, message, newContext, newWatchedPage } from './steps.ts';

/** Runs each wanted measure in one page; a failure is recorded (the first measure's with the page described) and the next goes on. */
export async function measureWrites(
  setup: RunSetup,
  result: RunResult,
  { label, latencyMs, measures }: { label: string; latencyMs: number; measures: readonly (readonly [MetricKey, (page: Page) => Promise<void>])[] },
): Promise<void> {
  const context = await newContext({ ...setup, sessionJson: setup.writeSessionJson }, result.foreignRequests);
  await context.addInitScript({ content: STATUS_WATCH });
  try {
    await fakeControl(setup, 'settings', { latencyMs });
    const { page, pageErrors } = await newWatchedPage(context);
    for (const [index, [key, measure]] of measures.entries()) {
      if (!wanted(setup, key)) continue;
      try {
        await measure(page);
      } catch (error) {
        result.errors.push(`${message(error)}${index === 0 ? `\nPage: ${await describePage(page)}` : ''}`);
      }
    }
    if (pageErrors.length > 0) result.notes.push(`page errors (${label}): ${pageErrors.slice(0, 3).join(' | ')}`);
  } finally {
    await context.close().catch(() => undefined);
    await fakeControl(setup, 'settings', { latencyMs: 0 });
  }
}
