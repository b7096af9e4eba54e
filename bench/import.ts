/**
 * Importing a .env file on a secrets page, with the fake answering every request LATENCY_MS late
 * (its control route), in a fresh context with a Write session:
 * - `importKeysPerSecond`: a file of IMPORT_KEYS new keys chosen in the Import dialog, then
 *   "Import N secrets"; keys created and set per second, from that click to the status saying how
 *   many were imported;
 * - `importKeysPerSecondSequential`: the same work one request at a time (create, then set), by a
 *   bare script in the same page through the same proxy, on SEQUENTIAL_KEYS keys.
 * Each run imports keys of its own names (no run replaces another's), into an app other than the
 * one the other loads measure, so that its growing list slows none of them; only the first three runs.
 */
import type { Page } from '@playwright/test';
import { BASE_ENVIRONMENTS } from '../mocks/seed.ts';
import { createSecretBody, HEADERS, SET_VALUE_FIXED } from '../src/api/contract.ts';
import type { RunResult, RunSetup } from './metrics.ts';
import { step, StepError, waitPainted } from './steps.ts';
import { measureWrites } from './write-runs.ts';

const LATENCY_MS = 50;
const IMPORT_KEYS = 1_000;
const SEQUENTIAL_KEYS = 100;
/** The second app of the generated dataset, and a non-production environment (no second question). */
const APP = 'app_0002';
const ENV = BASE_ENVIRONMENTS[0]!;
/** The status the dialog shows once every write has ended. */
const DONE_STATUS = '^Imported [\\\\d,]+ of [\\\\d,]+ secrets';

/** Imports made by this bench: each uses names of its own. Only the first IMPORT_RUNS runs import (~30 s each): the bench stays under 10 minutes. */
let importsMade = 0;
const IMPORT_RUNS = 3;

/** A .env file of `count` new keys, values of a few hundred characters (some on several lines, as keys are). */
function envFile(prefix: string, count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const value = i % 10 === 0 ? `-----BEGIN KEY-----\n${'QUJD'.repeat(16)}\n${'REVG'.repeat(16)}\n-----END KEY-----` : `v${i}-${'x'.repeat(200)}`;
    lines.push(value.includes('\n') ? `${prefix}_${i}="${value}"` : `${prefix}_${i}=${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** In the page: for each of `names`, create the secret, then set its value; one request at a time. */
function sequentialScript(token: string, names: readonly string[]): string {
  // The contract's bodies with a placeholder the page replaces (JSON-encoded) for each name.
  const createBody = JSON.stringify(createSecretBody('NAME', 'Other'));
  const setBody = JSON.stringify({ valueTypeUrn: SET_VALUE_FIXED.valueTypeUrn, hidden: SET_VALUE_FIXED.hidden, kvAppSecretValue: { typeHint: SET_VALUE_FIXED.typeHint, text: 'TEXT' } });
  return `(async () => {
  const headers = { ${JSON.stringify(HEADERS.authorization)}: ${JSON.stringify(`Bearer ${token}`)}, ${JSON.stringify(HEADERS.contentType)}: 'application/json' };
  const start = performance.now();
  let written = 0;
  for (const name of ${JSON.stringify(names)}) {
    const created = await fetch('/api/apps/${APP}/secrets', { method: 'POST', headers, body: ${JSON.stringify(createBody)}.replace('"NAME"', JSON.stringify(name)) });
    if (!created.ok) throw new Error('create ' + name + ': HTTP ' + created.status);
    const { id } = await created.json();
    const url = '/api/apps/${APP}/secrets/' + encodeURIComponent(id) + '/environments/${ENV.id}/values';
    const set = await fetch(url, { method: 'PUT', headers, body: ${JSON.stringify(setBody)}.replace('"TEXT"', JSON.stringify('v-' + name)) });
    if (!set.ok) throw new Error('set ' + name + ': HTTP ' + set.status);
    written += 1;
  }
  return { ms: performance.now() - start, written };
})()`;
}

async function importInPage(page: Page, setup: RunSetup, result: RunResult, prefix: string): Promise<void> {
  const s = setup.timeoutScale;
  await step(`import: open ${APP}'s ${ENV.label}`, 30_000 * s, () => page.goto(`${setup.baseUrl}/apps/${APP}/${ENV.slug}`, { waitUntil: 'commit' }));
  await step('import: the list shown', 90_000 * s, () => waitPainted(page, `!!document.querySelector('[role=row][aria-rowindex="2"]')`, 90_000 * s, 'the first row of the list'));
  await step('import: open the dialog', 15_000 * s, () => page.getByRole('button', { name: 'Import', exact: true }).click({ timeout: 10_000 * s }));
  const dialog = page.getByRole('dialog', { name: 'Import secrets' });
  await step(`import: choose a file of ${IMPORT_KEYS} keys`, 30_000 * s, () =>
    dialog.getByLabel(/^Choose a file/).setInputFiles({ name: `${prefix}.env`, mimeType: 'text/plain', buffer: Buffer.from(envFile(prefix, IMPORT_KEYS)) }, { timeout: 20_000 * s }),
  );
  const confirm = dialog.getByRole('button', { name: `Import ${IMPORT_KEYS.toLocaleString('en')} secrets` });
  await step('import: the preview and its enabled button', 60_000 * s, () => confirm.waitFor({ state: 'visible', timeout: 60_000 * s }));
  await step('import: the button enabled', 30_000 * s, () => waitPainted(page, `[...document.querySelectorAll('[role=dialog] button')].some((b) => /^Import [\\d,]+ secrets$/.test((b.textContent || '').trim()) && !b.disabled)`, 30_000 * s, 'an enabled "Import N secrets"'));

  await page.evaluate(`window.__bench.watchStatus('import', '${DONE_STATUS}')`);
  await step('import: click "Import N secrets"', 15_000 * s, () => confirm.click({ timeout: 10_000 * s }));
  await step('import: the status "Imported N of M secrets"', 300_000 * s, () =>
    waitPainted(page, 'window.__bench.statusWatches.import.painted !== null', 300_000 * s, 'a role=status text starting "Imported N of M secrets"'),
  );
  const watch = (await page.evaluate('window.__bench.statusWatches.import')) as { click: number | null; painted: number; text: string };
  if (watch.click === null) throw new StepError('import', 'the click on "Import N secrets" was not seen in the page');
  const match = /^Imported ([\d,]+) of ([\d,]+) secrets(?:, ([\d,]+) failed)?/.exec(watch.text);
  const [imported, total, failed] = [match?.[1], match?.[2], match?.[3]].map((n) => (n === undefined ? 0 : Number(n.replace(/,/g, ''))));
  if (!match || !imported) throw new StepError('import', `the status says ${JSON.stringify(watch.text)}`);
  const ms = watch.painted - watch.click;
  result.metrics.importKeysPerSecond = imported / (ms / 1000);
  result.notes.push(`import into ${APP} ${ENV.label} at ${LATENCY_MS} ms latency: ${JSON.stringify(watch.text)} in ${ms.toFixed(0)} ms (a create and a set per key)`);
  if (failed || imported !== total || total !== IMPORT_KEYS) result.errors.push(`import: ${JSON.stringify(watch.text)}: not every key was imported`);
}

async function importSequentially(page: Page, setup: RunSetup, result: RunResult, prefix: string): Promise<void> {
  const token = (JSON.parse(setup.writeSessionJson) as { writeToken: string }).writeToken;
  const names = Array.from({ length: SEQUENTIAL_KEYS }, (_, i) => `${prefix}_SEQ_${i}`);
  if (!page.url().startsWith(setup.baseUrl)) await step('sequential import: open the origin', 20_000 * setup.timeoutScale, () => page.goto(`${setup.baseUrl}/app-config.js`));
  const run = (await step(`sequential import: ${names.length} keys, one request at a time`, 120_000 * setup.timeoutScale, () => page.evaluate(sequentialScript(token, names)))) as { ms: number; written: number };
  if (run.written !== names.length) throw new StepError('sequential import', `${run.written} of ${names.length} keys imported`);
  result.metrics.importKeysPerSecondSequential = run.written / (run.ms / 1000);
  result.notes.push(`sequential import: ${run.written} creates and sets one after the other in ${run.ms.toFixed(0)} ms`);
}

export async function measureImport(setup: RunSetup, result: RunResult): Promise<void> {
  if (importsMade >= IMPORT_RUNS) return;
  importsMade += 1;
  const prefix = `BENCH_IMPORT_${importsMade}`;
  await measureWrites(setup, result, {
    label: 'import',
    latencyMs: LATENCY_MS,
    measures: [
      ['importKeysPerSecond', (page) => importInPage(page, setup, result, prefix)],
      ['importKeysPerSecondSequential', (page) => importSequentially(page, setup, result, prefix)],
    ],
  });
}
