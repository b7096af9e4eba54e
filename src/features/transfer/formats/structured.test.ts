// @vitest-environment node
import fc from 'fast-check';
import { parseSecretsFile, serialize } from './formats';
import { parseJson } from './json';
import { parseYaml, serializeJson, serializeYaml } from './structured';
import { FILE_FORMATS, type ParseResult } from './types';

const pairs = (result: ParseResult) => result.entries.map((e) => [e.key, e.value, e.line]);
const kinds = (result: ParseResult) => result.entries.map((e) => e.notes.map((n) => n.kind));

describe('parseYaml', () => {
  it('keeps every scalar as written (failsafe)', () => {
    const text = 'A: 0123\nB: 1e3\nC: 0x1F\nD: yes\nE: null\nF: ~\nG: on\nH: 2001-12-14\nI: 1:20\nJ: "quoted"\nK: \'single\'\n';
    const result = parseYaml(text);
    expect(result.entries.map((e) => e.value)).toEqual(['0123', '1e3', '0x1F', 'yes', 'null', '~', 'on', '2001-12-14', '1:20', 'quoted', 'single']);
    expect(result.problems).toEqual([]);
  });

  it('reports duplicates as entries with their lines, and empty values', () => {
    const result = parseYaml('A: 1\n# comment\nB:\nA: 2\n');
    expect(pairs(result)).toEqual([
      ['A', '1', 1],
      ['B', '', 3],
      ['A', '2', 4],
    ]);
    expect(kinds(result)).toEqual([[], ['empty'], []]);
  });

  it('reads block scalars and quoted whitespace', () => {
    const result = parseYaml('PEM: |\n  line1\n  line2\nPAD: "  x "\n');
    expect(pairs(result)).toEqual([
      ['PEM', 'line1\nline2\n', 1],
      ['PAD', '  x ', 4],
    ]);
    expect(kinds(result)).toEqual([['whitespace'], ['whitespace']]);
  });

  it('reports nested maps and lists on their lines', () => {
    const result = parseYaml('A: 1\nB:\n  x: 1\nC: [1, 2]\nD: 2\n');
    expect(pairs(result)).toEqual([
      ['A', '1', 1],
      ['D', '2', 5],
    ]);
    expect(result.problems).toEqual([
      { line: 2, message: 'Line 2: B holds a nested map; only flat KEY: value pairs can be imported' },
      { line: 4, message: 'Line 4: C holds a nested list; only flat KEY: value pairs can be imported' },
    ]);
  });

  it('resolves aliases of scalars; an alias of a map is nested', () => {
    const result = parseYaml('A: &v shared\nB: *v\nM: &m {x: 1}\nN: *m\n');
    expect(pairs(result)).toEqual([
      ['A', 'shared', 1],
      ['B', 'shared', 2],
    ]);
    expect(result.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('reports a top level that is not a map', () => {
    expect(parseYaml('- a\n- b\n').problems).toEqual([
      { line: 1, message: 'Line 1: the top level of the file must be a map of KEY: value pairs' },
    ]);
    expect(parseYaml('# nothing\n')).toEqual({ format: 'yaml', entries: [], problems: [] });
  });

  it('reports syntax errors with a line and without the text', () => {
    const result = parseYaml('A: 1\nB: "s3cr3t\nC: 3\n');
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]?.message).toMatch(/^Line \d+: .*not valid YAML/);
    const tabs = parseYaml('A:\n\tB: s3cr3t\n');
    expect(tabs.problems[0]).toMatchObject({ line: 2 });
    for (const p of [...result.problems, ...tabs.problems]) expect(p.message).not.toMatch(/s3cr3t/);
  });

  it('names a key that is not a name only as "a key"', () => {
    expect(parseYaml('{---\n\ns3cr3t: {x: 1}}\n').problems.at(-1)?.message).toBe(
      'Line 1: a key holds a nested map; only flat KEY: value pairs can be imported',
    );
  });

  it('never repeats text from the file in a problem, whatever the syntax error', () => {
    const pieces = ['s3cr3t', ' ', '\n', '\t', ': ', '- ', '{', '}', '[', ']', ',', '"', "'", '\\x', '|2s3cr3t', '&a ', '*s3cr3t', '!s3cr3t ', '%s3cr3t x\n', '---\n', '? ', '#', '@', 'B: '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        for (const format of ['yaml', 'json'] as const) {
          for (const { message } of parseSecretsFile(parts.join(''), format).problems) {
            // Messages may name a key (s3cr3t looks like one); the rest repeats nothing from the file.
            expect(message.replace(/^Line \d+: .*?( holds an? | is null;)/, '')).not.toMatch(/s3cr3t/);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('removes a BOM (through parseSecretsFile)', () => {
    expect(pairs(parseSecretsFile('\uFEFFA: 1\n', 'yaml'))).toEqual([['A', '1', 1]]);
  });
});

describe('parseJson', () => {
  it('reads strings with escapes, numbers and booleans as written', () => {
    const result = parseJson('{\n  "A": "x\\n\\u00e9\\ud83d\\ude00",\n  "N": 1.50,\n  "E": -1e3,\n  "T": true,\n  "F": false\n}\n');
    expect(pairs(result)).toEqual([
      ['A', 'x\né😀', 2],
      ['N', '1.50', 3],
      ['E', '-1e3', 4],
      ['T', 'true', 5],
      ['F', 'false', 6],
    ]);
    expect(kinds(result)).toEqual([[], ['converted'], ['converted'], ['converted'], ['converted']]);
  });

  it('reads tab-indented and compact JSON, and a BOM', () => {
    expect(pairs(parseJson('{\n\t"A":\t"b",\n\t"C": "d"\n}'))).toEqual([
      ['A', 'b', 2],
      ['C', 'd', 3],
    ]);
    expect(pairs(parseJson('{"a":"b"}'))).toEqual([['a', 'b', 1]]);
    expect(pairs(parseSecretsFile('\uFEFF{"a":"b"}', 'json'))).toEqual([['a', 'b', 1]]);
    expect(parseJson('{}')).toEqual({ format: 'json', entries: [], problems: [] });
  });

  it('keeps duplicates and the key __proto__', () => {
    expect(pairs(parseJson('{"A": "1", "__proto__": "p",\n"A": "2"}'))).toEqual([
      ['A', '1', 1],
      ['__proto__', 'p', 1],
      ['A', '2', 2],
    ]);
  });

  it('reports null and nested values on their lines', () => {
    const result = parseJson('{\n"A": null,\n"B": {"x": [1, {"y": null}]},\n"C": [],\n"D": "ok"\n}');
    expect(pairs(result)).toEqual([['D', 'ok', 5]]);
    expect(result.problems).toEqual([
      { line: 2, message: 'Line 2: A is null; give it a string value' },
      { line: 3, message: 'Line 3: B holds an object; only flat KEY: value pairs can be imported' },
      { line: 4, message: 'Line 4: C holds a list; only flat KEY: value pairs can be imported' },
    ]);
  });

  it.each([
    ['trailing comma', '{\n"A": "s3cr3t",\n}', 2, /trailing comma/],
    ['line comment', '{\n// s3cr3t\n"A": "b"}', 2, /comments/],
    ['hash comment', '{"A": "b"\n# s3cr3t\n}', 2, /comments/],
    ['single quotes', "{\n'A': 's3cr3t'}", 2, /double quotes/],
    ['raw line break in a string', '{"A": "s3cr3t\nmore"}', 1, /line break/],
    ['unclosed string', '{"A": "s3cr3t}', 1, /never closed/],
    ['bad escape', '{"A": "s3\\x41"}', 1, /invalid escape/],
    ['unquoted value', '{"A": s3cr3t}', 1, /JSON value was expected/],
    ['missing comma', '{"A": "x"\n"B": "y"}', 2, /`,` or `}`/],
    ['text after', '{"A": "x"} s3cr3t', 1, /more text/],
    ['unterminated', '{"A": "x",\n"B": "y"', 2, /ends before/],
    ['array top level', '\n["s3cr3t"]', 2, /must be a JSON object/],
    ['empty file', '  \n', 1, /empty/],
  ])('reports %s with a line, naming no value', (_name, text, line, message) => {
    const result = parseJson(text);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(line);
    expect(result.problems[0]?.message).toMatch(message);
    expect(result.problems[0]?.message).not.toMatch(/s3cr3t/);
  });
});

describe('serializeJson / serializeYaml', () => {
  const entries = [
    { key: '__proto__', value: 'p' },
    { key: 'ON', value: 'on' },
    { key: 'TIME', value: '1:20' },
    { key: 'DATE', value: '2001-12-14' },
    { key: 'CRLF', value: 'a\r\nb' },
    { key: 'CTRL', value: '\u0000\u0007\u007f\u0085\u2028\uFEFF' },
    { key: 'EMOJI', value: '😀' },
    { key: 'LONE', value: 'x\uD800y' },
  ];

  it('JSON holds every value exactly, __proto__ included, with a 2-space indent', () => {
    const { text, inexact } = serializeJson(entries);
    expect(inexact).toEqual([]);
    expect(text.startsWith('{\n  "__proto__": "p",\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseJson(text).entries.map((e) => ({ key: e.key, value: e.value }))).toEqual(entries);
    expect(serializeJson([]).text).toBe('{}\n');
  });

  it('YAML double-quotes every key and value and leaves out what UTF-8 cannot hold', () => {
    const { text, inexact } = serializeYaml(entries);
    expect(inexact).toEqual(['LONE']);
    expect(text).toContain('"ON": "on"\n');
    expect(text).toContain('"TIME": "1:20"\n');
    expect(text).toContain('"__proto__": "p"\n');
    expect(parseYaml(text).entries.map((e) => ({ key: e.key, value: e.value }))).toEqual(entries.slice(0, -1));
  });

  it('YAML writes a 1 MiB value on one line', () => {
    const value = 'x'.repeat(1024 * 1024);
    const { text, inexact } = serializeYaml([{ key: 'BIG', value }]);
    expect(inexact).toEqual([]);
    expect(text).toBe(`"BIG": "${value}"\n`);
  });

  it.each(FILE_FORMATS)('%s holds a 256 KiB value with CRLF line breaks and emoji', (format) => {
    const value = `${'x'.repeat(256 * 1024)}\r\n-😀-\r\n`;
    const { text, inexact } = serialize(format, [{ key: 'BIG', value }]);
    expect(inexact).toEqual([]);
    expect(parseSecretsFile(text, format).entries.map((e) => e.value)).toEqual([value]);
  });
});
