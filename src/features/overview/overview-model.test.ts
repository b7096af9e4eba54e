// @vitest-environment node
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { buildOverview, cellOf, filterRows, parseMissingFilter, type ColumnList } from './overview-model';

const value = (key: string, preview = 'ab••••'): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: preview });
const none = (key: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none });

// Development, Staging (not loaded), Production.
const LISTS: ColumnList[] = [
  [value('B_KEY', 'dev••'), none('A_KEY'), value('C_KEY')],
  undefined,
  [value('A_KEY', 'prod••'), value('D_KEY')],
];

const keys = (rows: readonly { key: string }[]) => rows.map((row) => row.key);

describe('buildOverview', () => {
  it('has one row per key of the union of the loaded lists, sorted, with the secret’s id', () => {
    const overview = buildOverview(LISTS);
    expect(keys(overview.rows)).toEqual(['A_KEY', 'B_KEY', 'C_KEY', 'D_KEY']);
    expect(overview.rows[3]).toMatchObject({ key: 'D_KEY', secretId: 'sec_D_KEY' });
  });

  it('marks a key missing where it has no value (None) and where it is not listed at all', () => {
    const overview = buildOverview(LISTS);
    expect(cellOf(overview, 'A_KEY', 0)).toEqual({ kind: 'missing', reason: 'none' });
    expect(cellOf(overview, 'D_KEY', 0)).toEqual({ kind: 'missing', reason: 'absent' });
    expect(cellOf(overview, 'B_KEY', 0)).toEqual({ kind: 'value', preview: 'dev••' });
    expect(cellOf(overview, 'A_KEY', 2)).toEqual({ kind: 'value', preview: 'prod••' });
  });

  it('knows nothing of an environment that is not loaded: no missing mark, no count', () => {
    const overview = buildOverview(LISTS);
    expect(cellOf(overview, 'A_KEY', 1)).toEqual({ kind: 'unknown' });
    expect(overview.missingCounts).toEqual([2, null, 2]);
  });

  it('counts per key the loaded environments it is missing in', () => {
    const overview = buildOverview(LISTS);
    expect(overview.rows.map((row) => row.missingCount)).toEqual([1, 1, 1, 1]);
    expect(buildOverview([[value('X')], [value('X')]]).rows[0]?.missingCount).toBe(0);
  });

  it('is empty without lists or keys', () => {
    expect(buildOverview([])).toEqual({ rows: [], columns: [], missingCounts: [] });
    expect(buildOverview([[], undefined]).missingCounts).toEqual([0, null]);
  });
});

describe('filterRows', () => {
  const overview = buildOverview(LISTS);

  it('keeps every row without a filter (the same array)', () => {
    expect(filterRows(overview, { search: ' ', missing: { kind: 'all' } })).toBe(overview.rows);
  });

  it('searches keys case-insensitively', () => {
    expect(keys(filterRows(overview, { search: ' b_k', missing: { kind: 'all' } }))).toEqual(['B_KEY']);
  });

  it('keeps the keys missing somewhere, or missing in one environment', () => {
    const both = buildOverview([[value('A'), none('B'), value('C')], [value('A'), value('B')]]);
    expect(keys(filterRows(both, { search: '', missing: { kind: 'anywhere' } }))).toEqual(['B', 'C']);
    expect(keys(filterRows(both, { search: '', missing: { kind: 'in', column: 1 } }))).toEqual(['C']);
    expect(keys(filterRows(both, { search: 'b', missing: { kind: 'in', column: 0 } }))).toEqual(['B']);
  });

  it('keeps a given set of keys (a comparison’s), with the search', () => {
    const three = buildOverview([[value('A'), value('B'), value('C')]]);
    expect(keys(filterRows(three, { search: '', missing: { kind: 'keys', keys: new Set(['C', 'A']) } }))).toEqual(['A', 'C']);
    expect(keys(filterRows(three, { search: 'c', missing: { kind: 'keys', keys: new Set(['C', 'A']) } }))).toEqual(['C']);
  });

  it('shows nothing for "missing in" an environment that is not loaded', () => {
    expect(filterRows(overview, { search: '', missing: { kind: 'in', column: 1 } })).toEqual([]);
  });
});

describe('parseMissingFilter', () => {
  const slugs = ['development', 'staging', 'production'];

  it('reads "anywhere", an environment’s slug, or nothing', () => {
    expect(parseMissingFilter('anywhere', slugs)).toEqual({ kind: 'anywhere' });
    expect(parseMissingFilter('production', slugs)).toEqual({ kind: 'in', column: 2 });
    expect(parseMissingFilter('', slugs)).toEqual({ kind: 'all' });
    expect(parseMissingFilter('no-such-env', slugs)).toEqual({ kind: 'all' });
  });

  it('reads a value of the given key sets; without them it is no filter', () => {
    const risky = new Set(['A']);
    expect(parseMissingFilter('risky', slugs, new Map([['risky', risky]]))).toEqual({ kind: 'keys', keys: risky });
    expect(parseMissingFilter('risky', slugs)).toEqual({ kind: 'all' });
  });
});
