import { VALUE_TYPE, type Environment, type RenderedSecret } from '@/api/contract';
import { countOf, formatCount } from '@/lib/counts';
import { environmentName } from '@/lib/environment-name';
import { isProductionEnvironment } from '@/lib/production';

/**
 * "Compare values": each environment's clear (Full mode) list is folded in, one at a time, into a
 * verdict per cell; the list itself is not kept. Production's values are kept only as keyed digests
 * (HMAC-SHA-256 under a random key made for this comparison and never extractable), so no value
 * outlives the fold of its own environment. Pure (no React), tested in Node.
 */

/** Why a value is flagged. */
export type Risk = 'equals production' | 'whitespace' | 'placeholder';

/**
 * - `production`: the value production's other environments are compared with;
 * - `same` / `differs`: as that value (a value where production has none differs);
 * - `missing`: no value here;
 * - `unchecked`: a value, but no production environment to compare it with.
 */
export type Verdict = 'production' | 'same' | 'differs' | 'missing' | 'unchecked';

export interface CellVerdict {
  verdict: Verdict;
  risks: readonly Risk[];
}

export interface Comparison {
  /** The compared environments' ids, in column order. */
  environmentIds: readonly string[];
  /** The column of the production environment the others are compared with; null when there is none. */
  reference: number | null;
  /** Per column: the verdict of each key with a value there (a key not in it is missing). */
  columns: ReadonlyArray<ReadonlyMap<string, CellVerdict>>;
  /** Cells whose value differs from production's, and cells with at least one risk. */
  differs: number;
  risky: number;
  /** Keys with such a cell in some environment (the "Show" filter). */
  differingKeys: ReadonlySet<string>;
  riskyKeys: ReadonlySet<string>;
}

const MISSING: CellVerdict = { verdict: 'missing', risks: [] };
const plain = (verdict: Verdict): CellVerdict => ({ verdict, risks: [] });
const PLAIN: Record<Verdict, CellVerdict> = {
  production: plain('production'),
  same: plain('same'),
  differs: plain('differs'),
  missing: MISSING,
  unchecked: plain('unchecked'),
};

/** A placeholder is short: longer values are not matched (nor scanned). */
const PLACEHOLDER_MAX = 200;
const PLACEHOLDER = /^\s*(?:changeme|todo|x{3,}|<[^<>]*>)\s*$/i;

/** Leading or trailing whitespace, and an obvious placeholder (the whole value, after trimming). */
export function valueRisks(value: string): Risk[] {
  const risks: Risk[] = [];
  if (/^\s/.test(value) || /\s$/.test(value)) risks.push('whitespace');
  if (value.length <= PLACEHOLDER_MAX && PLACEHOLDER.test(value)) risks.push('placeholder');
  return risks;
}

/** The column whose values the others are compared with: the first production environment. */
export function referenceColumn(environments: readonly Environment[]): number | null {
  const index = environments.findIndex(isProductionEnvironment);
  return index >= 0 ? index : null;
}

/** The order to fetch and fold the columns in: the reference first, then the others as shown. */
export function foldOrder(environments: readonly Environment[]): number[] {
  const reference = referenceColumn(environments);
  const columns = environments.map((_, i) => i);
  return reference === null ? columns : [reference, ...columns.filter((i) => i !== reference)];
}

/** Web Crypto exists only on a secure page (HTTPS or localhost): without it nothing is compared. */
export class NoWebCryptoError extends Error {
  constructor() {
    super('Comparing values needs the page served over HTTPS (the browser offers Web Crypto only there).');
    this.name = 'NoWebCryptoError';
  }
}

export function newDigestKey(): Promise<CryptoKey> {
  // Typed as always present; undefined on a page that is not a secure context.
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return Promise.reject(new NoWebCryptoError());
  return subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

const encoder = new TextEncoder();

async function digestOf(key: CryptoKey, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(value)));
  return String.fromCharCode(...mac);
}

/** The values of a list, by key (a key listed without a value is left out). */
function valuesOf(secrets: readonly RenderedSecret[]): [string, string][] {
  const values: [string, string][] = [];
  for (const secret of secrets) {
    if (secret.valueType !== VALUE_TYPE.none && secret.serializedValue !== undefined) values.push([secret.key, secret.serializedValue]);
  }
  return values;
}

export interface ComparisonFold {
  /** Folds one environment's clear list in; columns come in `foldOrder`. Keeps nothing of the list. */
  add(column: number, secrets: readonly RenderedSecret[]): Promise<void>;
  /** The verdicts so far (every column, once all were added). */
  result(): Comparison;
}

/** A comparison of `environments`' values under `key` (a fresh one per comparison: newDigestKey). */
export function startComparison(environments: readonly Environment[], key: CryptoKey): ComparisonFold {
  const reference = referenceColumn(environments);
  const production = environments.map(isProductionEnvironment);
  const columns = environments.map(() => new Map<string, CellVerdict>());
  // Production's values as digests, by key: filled by the reference column, read by the others.
  let referenceDigests: Map<string, string> | null = null;
  let differs = 0;
  let risky = 0;
  const differingKeys = new Set<string>();
  const riskyKeys = new Set<string>();

  function record(column: number, name: string, verdict: Verdict, risks: Risk[]) {
    (columns[column] as Map<string, CellVerdict>).set(name, risks.length > 0 ? { verdict, risks } : PLAIN[verdict]);
    if (verdict === 'differs') {
      differs++;
      differingKeys.add(name);
    }
    if (risks.length > 0) {
      risky++;
      riskyKeys.add(name);
    }
  }

  return {
    async add(column, secrets) {
      if (column !== reference && reference !== null && referenceDigests === null) throw new Error('Production is folded first');
      const values = valuesOf(secrets);
      // Without production there is nothing to compare with: no digest is needed.
      const digests = reference === null ? [] : await Promise.all(values.map(([, value]) => digestOf(key, value)));
      if (column === reference) {
        referenceDigests = new Map(values.map(([name], i) => [name, digests[i] as string]));
        for (const [name, value] of values) record(column, name, 'production', valueRisks(value));
        return;
      }
      const expected = referenceDigests;
      for (const [i, [name, value]] of values.entries()) {
        const risks = valueRisks(value);
        if (!expected) {
          record(column, name, 'unchecked', risks);
          continue;
        }
        const same = expected.get(name) === digests[i];
        // Another production environment is expected to hold production's value.
        if (same && !production[column]) risks.unshift('equals production');
        record(column, name, same ? 'same' : 'differs', risks);
      }
    },
    result: () => ({ environmentIds: environments.map((env) => env.id), reference, columns, differs, risky, differingKeys, riskyKeys }),
  };
}

/** A cell's verdict: `missing` when the key has no value in that column. */
export function verdictOf(comparison: Comparison, key: string, column: number): CellVerdict {
  return comparison.columns[column]?.get(key) ?? MISSING;
}

/** Whether a comparison was made of these environments, in this order (else its columns do not line up). */
export function comparesEnvironments(comparison: Comparison, environments: readonly Environment[]): boolean {
  const ids = comparison.environmentIds;
  return ids.length === environments.length && environments.every((env, i) => env.id === ids[i]);
}

/** The "Show" filter's values for a comparison's keys (the URL's `missing`, like an environment's slug). */
export const SHOW_DIFFERS = 'differs';
export const SHOW_RISKY = 'risky';

/** The comparison's key sets by "Show" value: differing keys only when there was a production to differ from. */
export function comparisonFilters(comparison: Comparison): ReadonlyMap<string, ReadonlySet<string>> {
  const sets = new Map<string, ReadonlySet<string>>();
  if (comparison.reference !== null) sets.set(SHOW_DIFFERS, comparison.differingKeys);
  sets.set(SHOW_RISKY, comparison.riskyKeys);
  return sets;
}

/** A finished comparison in a sentence: how many values differ from production, how many are risky. */
export function comparisonSummary(comparison: Comparison, environments: readonly Environment[]): string {
  const compared = `Compared ${countOf(comparison.environmentIds.length, 'environment', 'environments')}`;
  const risky = `${formatCount(comparison.risky)} risky`;
  const reference = comparison.reference === null ? undefined : environments[comparison.reference];
  if (!reference) return `${compared}: no production environment, so values are not grouped; ${risky}.`;
  return `${compared}: ${countOf(comparison.differs, 'value differs', 'values differ')} from ${environmentName(reference)}, ${risky}.`;
}
