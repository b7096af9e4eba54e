import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';

/**
 * The overview's data, from each environment's masked list: one row per key of their union, one
 * column per environment. Pure (no React), so it is tested in Node and rebuilt only when a list changes.
 */

/** An environment's masked list, or undefined while it loads or when it failed. */
export type ColumnList = readonly RenderedSecret[] | undefined;

export interface OverviewRow {
  key: string;
  /** The secret's id, from the first list that has the key (it is the app's, not an environment's). */
  secretId: string;
  /** In how many loaded environments the key is missing. */
  missingCount: number;
}

export interface Overview {
  /** Sorted by key. */
  rows: readonly OverviewRow[];
  /** Per environment: its secrets by key; undefined when not loaded. */
  columns: ReadonlyArray<ReadonlyMap<string, RenderedSecret> | undefined>;
  /** Per environment: how many keys of the union are missing there; null when not loaded. */
  missingCounts: ReadonlyArray<number | null>;
}

/** What one cell shows. */
export type Cell =
  | { kind: 'value'; preview: string }
  /** `none`: listed without a value; `absent`: not in that environment's list at all. */
  | { kind: 'missing'; reason: 'none' | 'absent' }
  /** The environment's list is not loaded (yet, or it failed). */
  | { kind: 'unknown' };

const UNKNOWN: Cell = { kind: 'unknown' };
const ABSENT: Cell = { kind: 'missing', reason: 'absent' };
const NONE: Cell = { kind: 'missing', reason: 'none' };

function compareKeys(a: OverviewRow, b: OverviewRow): number {
  if (a.key < b.key) return -1;
  return a.key > b.key ? 1 : 0;
}

export function buildOverview(lists: readonly ColumnList[]): Overview {
  const columns = lists.map((list) => (list ? new Map(list.map((secret) => [secret.key, secret])) : undefined));
  const byKey = new Map<string, OverviewRow>();
  for (const list of lists) {
    for (const secret of list ?? []) {
      if (!byKey.has(secret.key)) byKey.set(secret.key, { key: secret.key, secretId: secret.secretId, missingCount: 0 });
    }
  }
  const rows = [...byKey.values()].sort(compareKeys);
  const missingCounts = columns.map((column) => {
    if (!column) return null;
    let count = 0;
    for (const row of rows) {
      if (isMissingIn(column, row.key)) {
        count++;
        row.missingCount++;
      }
    }
    return count;
  });
  return { rows, columns, missingCounts };
}

function isMissingIn(column: ReadonlyMap<string, RenderedSecret>, key: string): boolean {
  const secret = column.get(key);
  return secret === undefined || secret.valueType === VALUE_TYPE.none;
}

export function cellOf(overview: Overview, key: string, column: number): Cell {
  const secrets = overview.columns[column];
  if (!secrets) return UNKNOWN;
  const secret = secrets.get(key);
  if (!secret) return ABSENT;
  if (secret.valueType === VALUE_TYPE.none) return NONE;
  return { kind: 'value', preview: secret.serializedValue ?? '' };
}

/**
 * Which keys to show: all, those missing in some loaded environment, those missing in one, or a
 * given set (a comparison's differing or risky keys).
 */
export type MissingFilter = { kind: 'all' } | { kind: 'anywhere' } | { kind: 'in'; column: number } | { kind: 'keys'; keys: ReadonlySet<string> };

export interface OverviewFilter {
  /** Case-insensitive part of the key. */
  search: string;
  missing: MissingFilter;
}

export function filterRows(overview: Overview, { search, missing }: OverviewFilter): readonly OverviewRow[] {
  const needle = search.trim().toLowerCase();
  const column = missing.kind === 'in' ? overview.columns[missing.column] : undefined;
  // Missing in an environment that is not loaded is not known: nothing to show for it.
  if (missing.kind === 'in' && !column) return [];
  if (!needle && missing.kind === 'all') return overview.rows;
  return overview.rows.filter((row) => {
    if (needle && !row.key.toLowerCase().includes(needle)) return false;
    if (missing.kind === 'anywhere') return row.missingCount > 0;
    if (missing.kind === 'keys') return missing.keys.has(row.key);
    if (column) return isMissingIn(column, row.key);
    return true;
  });
}

/** The URL's value for the missing filter: `anywhere`, or an environment's slug. */
export const MISSING_ANYWHERE = 'anywhere';

/** Reads the filter from the URL's value; an unknown slug means no filter. `keySets`: more values, each a set of keys. */
export function parseMissingFilter(param: string, slugs: readonly string[], keySets?: ReadonlyMap<string, ReadonlySet<string>>): MissingFilter {
  if (param === MISSING_ANYWHERE) return { kind: 'anywhere' };
  const keys = keySets?.get(param);
  if (keys) return { kind: 'keys', keys };
  const column = param ? slugs.indexOf(param) : -1;
  return column >= 0 ? { kind: 'in', column } : { kind: 'all' };
}
