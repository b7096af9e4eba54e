/**
 * Copying values between environments on the overview, with the fake answering every request
 * LATENCY_MS late (its control route), in one cold load with a Write session:
 * - `copyKeysPerSecond`: the keys a search shows (a couple of hundred), "Select all shown keys",
 *   "Copy values" from SOURCE to another environment (not production: no second confirmation);
 *   values written per second from the click on the dialog's "Copy N values" to the status "Copied N of M values";
 * - `copyKeysPerSecondSequential`: the same work one request at a time, by a bare script in the
 *   same page through the same proxy: one Full read of SEQUENTIAL_KEYS source values, then one
 *   write after the other (into SEQUENTIAL_TARGET, so it is not a rewrite of what the copy wrote).
 * Each run copies into an environment no run wrote to yet, so every run writes the same number of
 * values; only when there is none left is the fake reset (and its lists read once: a reset fake
 * builds its data again on first use, which the next load would pay for). The latency goes back to 0 after.
 */
import type { Page } from '@playwright/test';
import { BASE_ENVIRONMENTS, environments, FIRST_APP_ID } from '../mocks/seed.ts';
import { HEADERS, QUERY, SET_VALUE_FIXED, VALUE_TYPE, type Environment } from '../src/api/contract.ts';
// Production as the app sees it: a copy there asks again.
import { isProductionEnvironment } from '../src/lib/production.ts';
import type { RunResult, RunSetup } from './metrics.ts';
import { renderedPaths } from './setup.ts';
import { requestTimelineScript, tableSelector } from './overview-scripts.ts';
import { fakeControl as control, step, StepError, waitPainted } from './steps.ts';
import { measureWrites } from './write-runs.ts';

const LATENCY_MS = 50;
/** The keys copied: those whose name holds this (218 of the 10,000 generated keys, 200 with a Development value). */
const SEARCH = 'region_2';
const [SOURCE, SEQUENTIAL_TARGET] = [BASE_ENVIRONMENTS[0]!, BASE_ENVIRONMENTS[2]!];
const SEQUENTIAL_KEYS = 50;

/** The environments the copy may write to, one per run: neither production, nor the source, nor the sequential copy's. */
const copyTargets = (envs: number) => environments(envs).filter((env) => !isProductionEnvironment(env) && env.id !== SOURCE.id && env.id !== SEQUENTIAL_TARGET.id);
/** How many copies this bench made (the next target). */
let copiesMade = 0;

/** Resets the fake (its data as seeded) and reads every masked list once, so that its data is built again now. */
async function resetFake(setup: RunSetup): Promise<void> {
  await control(setup, 'reset');
  const headers = { [HEADERS.authorization]: `Bearer ${(JSON.parse(setup.sessionJson) as { readToken: string }).readToken}` };
  for (const path of renderedPaths(setup.envs)) {
    const response = await fetch(`${setup.fakeUrl}${path}`, { headers, signal: AbortSignal.timeout(60_000 * setup.timeoutScale) });
    if (!response.ok) throw new Error(`after the reset, ${path}: HTTP ${response.status}`);
    await response.arrayBuffer();
  }
}

/** Up to `count` keys holding SEARCH that have a value in SOURCE (masked list, from the fake directly). */
async function sequentialKeys(setup: RunSetup, token: string, count: number): Promise<string[]> {
  const query = new URLSearchParams({ [QUERY.environment]: SOURCE.id, [QUERY.mode]: 'PreviewOnly' });
  const response = await fetch(`${setup.fakeUrl}/api/apps/${FIRST_APP_ID}/secrets/rendered?${query}`, { headers: { [HEADERS.authorization]: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`the ${SOURCE.label} list: HTTP ${response.status}`);
  const { secrets } = (await response.json()) as { secrets: { key: string; valueType: string }[] };
  return secrets.filter((s) => s.key.toLowerCase().includes(SEARCH) && s.valueType !== VALUE_TYPE.none).map((s) => s.key).slice(0, count);
}

/**
 * In the page: one Full read of `keys` in SOURCE, then a write of each value into
 * SEQUENTIAL_TARGET, one after the other; resolves with the ms it took and how many were written.
 * No value leaves the page.
 */
function sequentialScript(token: string, keys: readonly string[]): string {
  return `(async () => {
  const headers = { ${JSON.stringify(HEADERS.authorization)}: ${JSON.stringify(`Bearer ${token}`)} };
  const start = performance.now();
  const query = new URLSearchParams({ ${JSON.stringify(QUERY.environment)}: ${JSON.stringify(SOURCE.id)}, ${JSON.stringify(QUERY.mode)}: 'Full' });
  for (const key of ${JSON.stringify(keys)}) query.append(${JSON.stringify(QUERY.nameFilter)}, key);
  const read = await fetch('/api/apps/${FIRST_APP_ID}/secrets/rendered?' + query, { headers, cache: 'no-store' });
  if (!read.ok) throw new Error('Full read: HTTP ' + read.status);
  const { secrets } = await read.json();
  let written = 0;
  for (const secret of secrets) {
    if (secret.valueType === ${JSON.stringify(VALUE_TYPE.none)}) continue;
    const body = { valueTypeUrn: ${JSON.stringify(SET_VALUE_FIXED.valueTypeUrn)}, hidden: ${JSON.stringify(SET_VALUE_FIXED.hidden)}, kvAppSecretValue: { typeHint: ${JSON.stringify(SET_VALUE_FIXED.typeHint)}, text: secret.serializedValue ?? '' } };
    const url = '/api/apps/${FIRST_APP_ID}/secrets/' + encodeURIComponent(secret.secretId) + '/environments/${SEQUENTIAL_TARGET.id}/values';
    const write = await fetch(url, { method: 'PUT', headers: { ...headers, ${JSON.stringify(HEADERS.contentType)}: 'application/json' }, body: JSON.stringify(body) });
    if (!write.ok) throw new Error('write ' + secret.key + ': HTTP ' + write.status);
    written += 1;
  }
  return { ms: performance.now() - start, written };
})()`;
}

async function copyInPage(page: Page, setup: RunSetup, result: RunResult, target: Environment): Promise<void> {
  const s = setup.timeoutScale;
  const table = tableSelector(setup.overviewTableName);
  await step(`copy: open the overview searching '${SEARCH}'`, 20_000 * s, () => page.goto(`${setup.baseUrl}${setup.overviewPath}?q=${SEARCH}`, { waitUntil: 'commit' }));
  await step('copy: every column loaded', 90_000 * s, () =>
    waitPainted(
      page,
      `(() => { const heads = [...document.querySelectorAll(${JSON.stringify(`${table} [role=columnheader][aria-describedby]`)})];
        return heads.length === ${setup.envs} && heads.every((h) => !/Loading…|Not loaded/.test(h.textContent || '')) && !!document.querySelector(${JSON.stringify(`${table} [role=row][aria-rowindex="2"]`)}); })()`,
      90_000 * s,
      `the overview searching '${SEARCH}' with every column loaded`,
    ),
  );
  await step('copy: check "Select all shown keys"', 15_000 * s, () => page.getByRole('checkbox', { name: 'Select all shown keys' }).check({ timeout: 10_000 * s }));
  const open = page.getByRole('button', { name: /^Copy values/ });
  const openName = await step('copy: the "Copy values (N keys)" button', 10_000 * s, async () => {
    await open.waitFor({ state: 'visible', timeout: 10_000 * s });
    return (await open.textContent({ timeout: 5_000 * s })) ?? '';
  });
  await step(`copy: click "${openName}"`, 15_000 * s, () => open.click({ timeout: 10_000 * s }));
  const dialog = page.getByRole('dialog', { name: 'Copy values' });
  await step(`copy: From ${SOURCE.label}, To ${target.label}`, 20_000 * s, async () => {
    await dialog.getByLabel('From').selectOption(SOURCE.id, { timeout: 10_000 * s });
    await dialog.getByLabel('To').selectOption(target.id, { timeout: 10_000 * s });
  });
  const confirm = dialog.getByRole('button', { name: /^Copy \d[\d,]* values?$/ });
  const confirmName = await step('copy: the preview and its "Copy N values" button', 60_000 * s, async () => {
    const enabled = `[...document.querySelectorAll('[role=dialog] button')].some((b) => /^Copy \\d[\\d,]* values?$/.test((b.textContent || '').trim()) && !b.disabled)`;
    await waitPainted(page, enabled, 60_000 * s, 'an enabled "Copy N values" button in the dialog');
    return (await confirm.textContent()) ?? '';
  });

  await page.evaluate(`window.__bench.watchStatus('copy', '^Copied [\\\\d,]+ of [\\\\d,]+ values')`);
  await step(`copy: click "${confirmName}"`, 15_000 * s, () => confirm.click({ timeout: 10_000 * s }));
  await step('copy: the status "Copied N of M values"', 180_000 * s, () =>
    waitPainted(page, 'window.__bench.statusWatches.copy.painted !== null', 180_000 * s, 'a role=status text starting "Copied N of M values"'),
  );
  const watch = (await page.evaluate('window.__bench.statusWatches.copy')) as { click: number | null; painted: number; text: string };
  if (watch.click === null) throw new StepError('copy', `the click on "${confirmName}" was not seen in the page`);
  const match = /^Copied ([\d,]+) of ([\d,]+) values(?:, ([\d,]+) failed)?/.exec(watch.text);
  const [copied, total, failed] = [match?.[1], match?.[2], match?.[3]].map((n) => (n === undefined ? 0 : Number(n.replace(/,/g, ''))));
  if (!match || !copied) throw new StepError('copy', `the status says ${JSON.stringify(watch.text)}`);
  const ms = watch.painted - watch.click;
  result.metrics.copyKeysPerSecond = copied / (ms / 1000);
  result.notes.push(`copy ${SOURCE.label} → ${target.label} at ${LATENCY_MS} ms latency: "${openName}", "${confirmName}", ${JSON.stringify(watch.text)} in ${ms.toFixed(0)} ms`);
  const t = (await page.evaluate(requestTimelineScript(watch.click, watch.painted))) as {
    writes: number;
    first: number | null;
    last: number | null;
    mean: number | null;
    most: number;
    others: { path: string; query: string; start: number; end: number }[];
  };
  const ms0 = (n: number | null) => (n === null ? '–' : n.toFixed(0));
  result.notes.push(
    `copy timeline (ms after the click): ${t.writes} writes from ${ms0(t.first)} to ${ms0(t.last)} (each ${ms0(t.mean)} on average, at most ${t.most} overlapping in Resource Timing), status painted at ${ms.toFixed(0)}; ` +
      `other API requests: ${t.others.map((o) => `${o.path.split('/').slice(-2).join('/')}${o.query} ${o.start.toFixed(0)}–${o.end.toFixed(0)}`).join(', ') || 'none'}`,
  );
  if (failed || copied !== total) result.errors.push(`copy: ${JSON.stringify(watch.text)}: not every value was written`);
}

async function copySequentially(page: Page, setup: RunSetup, result: RunResult): Promise<void> {
  const token = (JSON.parse(setup.writeSessionJson) as { writeToken: string }).writeToken;
  const keys = await step('sequential copy: the keys', 30_000 * setup.timeoutScale, () => sequentialKeys(setup, token, SEQUENTIAL_KEYS));
  if (keys.length < SEQUENTIAL_KEYS) throw new StepError('sequential copy', `only ${keys.length} keys holding '${SEARCH}' have a value in ${SOURCE.label}`);
  // The overview page (any page of the origin would do: its fetch goes through the same proxy); a
  // small file of the origin when the copy itself was not measured (--only).
  if (!page.url().startsWith(setup.baseUrl)) await step('sequential copy: open the origin', 20_000 * setup.timeoutScale, () => page.goto(`${setup.baseUrl}/app-config.js`));
  const run = (await step(`sequential copy: ${keys.length} keys, one at a time`, 120_000 * setup.timeoutScale, () => page.evaluate(sequentialScript(token, keys)))) as {
    ms: number;
    written: number;
  };
  if (run.written !== keys.length) throw new StepError('sequential copy', `${run.written} of ${keys.length} values written`);
  result.metrics.copyKeysPerSecondSequential = run.written / (run.ms / 1000);
  result.notes.push(`sequential copy ${SOURCE.label} → ${SEQUENTIAL_TARGET.label}: one Full read and ${run.written} writes one after the other in ${run.ms.toFixed(0)} ms`);
}

export async function measureCopy(setup: RunSetup, result: RunResult): Promise<void> {
  const targets = copyTargets(setup.envs);
  if (targets.length === 0) throw new StepError('copy', `no environment to copy into among ${setup.envs}`);
  if (copiesMade > 0 && copiesMade % targets.length === 0) await step('copy: reset the fake (every target written)', 120_000 * setup.timeoutScale, () => resetFake(setup));
  const target = targets[copiesMade % targets.length]!;
  copiesMade += 1;
  await measureWrites(setup, result, {
    label: 'copy',
    latencyMs: LATENCY_MS,
    measures: [
      ['copyKeysPerSecond', (page) => copyInPage(page, setup, result, target)],
      ['copyKeysPerSecondSequential', (page) => copySequentially(page, setup, result)],
    ],
  });
}
