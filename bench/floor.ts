/** The floors: bare pages (floor.html, overview-floor.html) that fetch through the same proxy and draw 50 rows. */
import type { MetricKey, RunResult, RunSetup } from './metrics.ts';
import { newContext, step, StepError, waitPainted } from './steps.ts';

export interface FloorPage {
  /** The page's path under the preview, its metric, and how the steps and notes name it. */
  path: string;
  metric: MetricKey;
  label: string;
  /** What the page loads, for the warm-up's note ("secrets in the rendered response"). */
  loads: string;
  timeoutMs: number;
}

/** Opens a floor page in a fresh context and records when its first row was painted. */
export async function measureFloorPage(setup: RunSetup, result: RunResult, warm: boolean, floorPage: FloorPage): Promise<void> {
  const { path, metric, label, loads } = floorPage;
  const timeout = floorPage.timeoutMs * setup.timeoutScale;
  const context = await newContext(setup, result.foreignRequests);
  try {
    const page = await context.newPage();
    await step(`${label}: open`, 20_000 * setup.timeoutScale, () => page.goto(setup.baseUrl + path, { waitUntil: 'commit' }));
    await step(`${label}: first row painted`, timeout, () =>
      waitPainted(page, 'window.__floorError !== undefined || (window.__bench && window.__bench.firstRow !== null)', timeout, `the ${label} page drawing its rows`),
    );
    const floor = (await page.evaluate('({ t: window.__bench.firstRow, error: window.__floorError ?? null, count: window.__floorCount ?? null })')) as {
      t: number | null;
      error: string | null;
      count: number | null;
    };
    if (floor.error || floor.t === null) throw new StepError(label, `the ${label} page could not load: ${floor.error}`);
    result.metrics[metric] = floor.t;
    if (warm) result.notes.push(`${label} page: ${floor.count} ${loads}`);
  } finally {
    await context.close().catch(() => undefined);
  }
}
