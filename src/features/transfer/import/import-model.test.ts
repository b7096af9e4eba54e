// @vitest-environment node
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { MAX_VALUE_BYTES } from '@/api/contract-http';
import type { ParsedEntry, ParseResult } from '../formats/types';
import { buildImportPreview, compareValues, duplicateText, includedRows, isIncluded, keysToCompare, type ImportComparison, type PreviewInput } from './import-model';

const ENV = 'env_dev';

function entry(key: string, value: string, line: number, notes: ParsedEntry['notes'] = []): ParsedEntry {
  return { key, value, line, notes };
}

const parseOf = (entries: ParsedEntry[]): ParseResult => ({ format: 'env', entries, problems: [] });

const masked = (key: string, hasValue = true): RenderedSecret =>
  hasValue ? { key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: '****' } : { key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none };

function preview(parse: ParseResult, rest: Partial<Omit<PreviewInput, 'parse'>> = {}) {
  return buildImportPreview({ parse, existing: [], renames: new Map(), comparison: null, envId: ENV, maxKeys: 5_000, ...rest });
}

const byId = (p: ReturnType<typeof preview>, id: string) => p.rows.find((row) => row.id === id)!;

describe('buildImportPreview', () => {
  it('sorts keys into new (absent, or present without a value) and will replace, and counts them', () => {
    const parse = parseOf([entry('NEW_ONE', 'a', 1), entry('EMPTY_THERE', 'b', 2), entry('HAS_VALUE', 'c', 3)]);
    const p = preview(parse, { existing: [masked('EMPTY_THERE', false), masked('HAS_VALUE'), masked('OTHER')] });
    expect(p.rows.map((row) => [row.key, row.category, row.secretId])).toEqual([
      ['NEW_ONE', 'new', undefined],
      ['EMPTY_THERE', 'new', 'sec_EMPTY_THERE'],
      ['HAS_VALUE', 'replace', 'sec_HAS_VALUE'],
    ]);
    expect(p.counts).toMatchObject({ new: 2, replace: 1, same: 0, invalid: 0, 'too-large': 0, duplicate: 0 });
    expect(p.tooMany).toBe(false);
  });

  it('keeps one row per key, the last written winning, with every line it was written on', () => {
    const parse = parseOf([entry('A', 'first', 3), entry('B', 'b', 5), entry('A', 'second', 9), entry('A', 'third', 12)]);
    const p = preview(parse);
    expect(p.rows.map((row) => [row.key, row.line, row.entry])).toEqual([
      ['A', 12, 3],
      ['B', 5, 1],
    ]);
    expect(byId(p, 'A').duplicateLines).toEqual([3, 9, 12]);
    expect(byId(p, 'B').duplicateLines).toBeNull();
    expect(p.counts.duplicate).toBe(1);
    expect(duplicateText([3, 9])).toBe('written on lines 3 and 9; line 9 wins');
    expect(duplicateText([3, 9, 12])).toBe('written on lines 3, 9 and 12; line 12 wins');
  });

  it('marks invalid names with the message and the fix, applies a fix, and says when a fix would collide', () => {
    const parse = parseOf([entry('stripe-key', 'a', 1), entry('stripe.key', 'b', 2), entry('db host', 'c', 3), entry('DB_HOST', 'd', 4), entry('1ABC', 'e', 5)]);
    const p = preview(parse);
    const stripe = byId(p, 'stripe-key');
    expect([stripe.category, stripe.fix, stripe.fixCollision]).toEqual(['invalid', 'STRIPE_KEY', false]);
    expect(stripe.nameError).toMatch(/“-” at position 7 is not allowed/);
    // The fix of "db host" is a key the file already writes.
    expect([byId(p, 'db host').fix, byId(p, 'db host').fixCollision]).toEqual(['DB_HOST', true]);
    expect(byId(p, '1ABC').fix).toBeNull();
    expect(p.counts.invalid).toBe(4);

    // Applied: the row is written under the fix (an existing key: it replaces); the other row with the same fix now collides.
    const fixed = preview(parse, { renames: new Map([['stripe-key', 'STRIPE_KEY']]), existing: [masked('STRIPE_KEY')] });
    expect(byId(fixed, 'stripe-key')).toMatchObject({ key: 'STRIPE_KEY', category: 'replace', renamed: true, secretId: 'sec_STRIPE_KEY' });
    expect(byId(fixed, 'stripe.key')).toMatchObject({ category: 'invalid', fix: 'STRIPE_KEY', fixCollision: true });
  });

  it('refuses a value past the size limit whatever the rest, and keeps the notes of suspicious entries', () => {
    const big = 'x'.repeat(MAX_VALUE_BYTES + 1);
    const parse = parseOf([entry('BIG', big, 1), entry('bad-big', big, 2), entry('CUT', 'abc', 3, [{ kind: 'hash-cut', message: 'An unquoted # ended the value.' }])]);
    const p = preview(parse, { existing: [masked('CUT')] });
    expect(byId(p, 'BIG').category).toBe('too-large');
    expect(byId(p, 'BIG').sizeError).toMatch(/1,048,577 bytes/);
    expect(byId(p, 'bad-big').category).toBe('too-large');
    expect(byId(p, 'CUT')).toMatchObject({ category: 'replace', notes: [{ kind: 'hash-cut' }] });
    expect(p.counts).toMatchObject({ 'too-large': 2, suspicious: 1, replace: 1 });
  });

  it('includes new and replace by default, lets the user exclude or include, never includes too-large or invalid, and nothing past the key limit', () => {
    const big = 'x'.repeat(MAX_VALUE_BYTES + 1);
    const parse = parseOf([entry('A', 'a', 1), entry('B', 'b', 2), entry('bad-name', 'c', 3), entry('BIG', big, 4), entry('SAME', 's', 5)]);
    const comparison: ImportComparison = { parse, envId: ENV, same: new Set(['SAME']), compared: new Set(['SAME', 'B']) };
    const p = preview(parse, { existing: [masked('B'), masked('SAME')], comparison });
    const none = new Map<string, boolean>();
    expect(includedRows(p, none).map((row) => row.key)).toEqual(['A', 'B']);
    const choices = new Map([
      ['A', false],
      ['SAME', true],
      ['BIG', true],
      ['bad-name', true],
    ]);
    expect(includedRows(p, choices).map((row) => row.key)).toEqual(['B', 'SAME']);
    expect(isIncluded(byId(p, 'BIG'), choices)).toBe(false);

    const limited = preview(parse, { maxKeys: 4 });
    expect(limited.tooMany).toBe(true);
    expect(includedRows(limited, none)).toEqual([]);
  });
});

describe('compareValues', () => {
  it('keeps only same or different for keys holding a value; a new text or target makes it stale', () => {
    const parse = parseOf([entry('SAME', 'v1', 1), entry('DIFF', 'v2', 2), entry('NEW', 'v3', 3)]);
    const existing = [masked('SAME'), masked('DIFF')];
    const before = preview(parse, { existing });
    expect(keysToCompare(before)).toEqual(['SAME', 'DIFF']);
    const full: RenderedSecret[] = [
      { key: 'SAME', secretId: 'sec_SAME', valueType: VALUE_TYPE.string, serializedValue: 'v1' },
      { key: 'DIFF', secretId: 'sec_DIFF', valueType: VALUE_TYPE.string, serializedValue: 'other' },
    ];
    const comparison = compareValues(before, parse, ENV, full);
    expect([...comparison.same]).toEqual(['SAME']);
    expect([...comparison.compared]).toEqual(['SAME', 'DIFF']);
    // Nothing of the clear values is kept.
    expect(JSON.stringify([...comparison.same, ...comparison.compared])).not.toContain('other');

    const after = preview(parse, { existing, comparison });
    expect(after.rows.map((row) => row.category)).toEqual(['same', 'replace', 'new']);
    expect(after.counts.same).toBe(1);
    // Another text (a new parse) or another environment: not compared any more.
    expect(preview(parseOf([...parse.entries]), { existing, comparison }).counts.same).toBe(0);
    expect(preview(parse, { existing, comparison, envId: 'env_qa' }).counts.same).toBe(0);
  });
});
