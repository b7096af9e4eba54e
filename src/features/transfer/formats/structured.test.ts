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

  it('reports a second document and nesting too deep for the parser', () => {
    expect(parseYaml('A: 1\n---\nB: 2\n').problems).toEqual([
      { line: 2, message: 'Line 2: a second document starts here; only the first is read (the file is not valid YAML)' },
    ]);
    expect(parseYaml(`A: ${'['.repeat(1000)}${']'.repeat(1000)}\n`).problems).toEqual([
      { line: 1, message: 'Line 1: values are nested too deeply (the file is not valid YAML)' },
    ]);
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

  it('accepts a trailing comma (it holds no value) and CRLF line ends', () => {
    const result = parseJson('{\r\n"A": "x",\r\n"B": 1,\r\n}\r\n');
    expect(pairs(result)).toEqual([
      ['A', 'x', 2],
      ['B', '1', 3],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads a 1 MiB value, and a key over 1024 characters without failing', () => {
    const big = 'x'.repeat(1024 * 1024);
    const longKey = 'K'.repeat(1500);
    const result = parseJson(`{\n"BIG": "${big}",\n"${longKey}": "v",\n"C": "d"\n}`);
    expect(result.entries.map((e) => [e.key.length, e.value.length, e.line])).toEqual([
      [3, big.length, 2],
      [1500, 1, 3],
      [1, 1, 4],
    ]);
    expect(result.problems).toEqual([]);
  });

  it.each(['\\x41', '\\e', '\\N', '\\_', '\\L', '\\P', '\\0', '\\a', '\\v', '\\ ', '\\\n', '\\U0001F600', '\\\\\\q'])(
    'reports the YAML-only escape %j and keeps the other pairs',
    (escape) => {
      const result = parseJson(`{"A": "ok\\\\x",\n"B": "s3${escape}cr3t",\n"C": "\\/\\b\\f\\r\\t\\""}`);
      expect(result.entries.map((e) => [e.key, e.value])).toEqual([
        ['A', 'ok\\x'],
        ['C', '/\b\f\r\t"'],
      ]);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.message).toMatch(/^Line 2: a string holds an? (escape JSON does not have|line break)/);
    },
  );

  it('reports each YAML-only form on its line and imports only the pairs JSON means', () => {
    const text = [
      '# a comment',
      '{',
      '"A": \'x\',',
      '"B": yes,',
      '"C": 0x1F,',
      '"D": &a "x",',
      '"E": *a,',
      '"F": !!str "y",',
      '"G": "tab\there",',
      '? "H" : "i",',
      'J: "plain key",',
      '"K": [1, "a": "b"],',
      '"L": "ok", /* c */',
      '"M": -0.5e+10',
      '}',
      '...',
    ].join('\n');
    const result = parseJson(text);
    // YAML reads `/* c */` and the key after it as one plain key: M is left out with the comment's problem.
    expect(pairs(result)).toEqual([['L', 'ok', 13]]);
    expect(result.problems.map((p) => [p.line, p.message.replace(/^Line \d+: | \(the file is not valid JSON\)$/g, '')])).toEqual([
      [1, 'comments are not allowed in JSON'],
      [3, 'JSON strings need double quotes, not single quotes'],
      [4, expect.stringMatching(/^a JSON value was expected here/)],
      [5, expect.stringMatching(/^a JSON value was expected here/)],
      [6, expect.stringMatching(/anchors, aliases and tags/)],
      [7, expect.stringMatching(/anchors, aliases and tags/)],
      [8, expect.stringMatching(/anchors, aliases and tags/)],
      [9, expect.stringMatching(/line break, tab or control character/)],
      [10, 'a `?` key is YAML, not JSON'],
      [11, 'a key must be a string in double quotes'],
      [12, 'a list holds a `key: value` pair'],
      [13, 'comments are not allowed in JSON'],
      [16, expect.stringMatching(/document markers/)],
    ]);
  });

  it.each([
    ['line comment', '{\n// s3cr3t\n"A": "b"}', 2, /comments/, []],
    ['hash comment', '{"A": "b"\n# s3cr3t\n}', 2, /comments/, ['A']],
    ['single quotes', "{\n'A': 's3cr3t'}", 2, /double quotes/, []],
    ['raw line break in a string', '{"A": "s3cr3t\nmore"}', 1, /line break/, []],
    ['unclosed string', '{"A": "s3cr3t}', 1, /never closed/, []],
    ['YAML escape', '{"A": "s3\\x41"}', 1, /escape JSON does not have/, []],
    ['unquoted value', '{"A": s3cr3t}', 1, /JSON value was expected/, []],
    ['missing comma', '{"A": "x"\n"B": "s3cr3t"}', 2, /`,` or `}`.*nothing after it is read/, ['A']],
    ['text after', '{"A": "x"} s3cr3t', 1, /more text/, ['A']],
    ['unterminated', '{"A": "x",\n"B": "y"', 2, /ends before/, ['A']],
    ['array top level', '\n["s3cr3t"]', 2, /must be a JSON object/, []],
    ['YAML top level', '\nA: s3cr3t\n', 2, /is a YAML map/, []],
    ['block value', '{"A":\n  - s3cr3t\n}', 2, /not allowed within flow/, []],
    ['extra comma', '{"A": "x",, "B": "s3cr3t"}', 1, /extra `,`/, ['A']],
    ['deep nesting', `{"A": ${'['.repeat(300)}"s3cr3t"${']'.repeat(300)}}`, 1, /nested too deeply/, []],
    ['empty file', '  \n', 1, /empty/, []],
  ])('reports %s with a line, naming no value', (_name, text, line, message, kept) => {
    const result = parseJson(text);
    expect(result.entries.map((e) => e.key)).toEqual(kept);
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
