// @vitest-environment node
import { parse as dotenvParse } from 'dotenv';
import { parseEnv } from './env';
import type { ParseResult } from './types';

/** The entries as dotenv would hand them over: the last value of each key wins. */
function lastWins(result: ParseResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of result.entries) out[key] = value;
  return out;
}

function read(text: string): ParseResult {
  const result = parseEnv(text);
  expect(lastWins(result)).toEqual(dotenvParse(text));
  return result;
}

const kinds = (result: ParseResult, key: string) =>
  result.entries.filter((e) => e.key === key).flatMap((e) => e.notes.map((n) => n.kind));

describe('parseEnv follows dotenv', () => {
  it.each([
    ['plain', 'A=1\nB=two words\n'],
    ['export prefix', 'export A=1\nexport   B = 2\n'],
    ['KEY: value', 'A: one\nB:two\nC:  three\n'],
    ['spaces around =', 'A = 1\n  B=  2  \nC\t=\t3\n'],
    ['inline comments', 'A=1 # one\nB="two" # two\nC=\'three\'#three\n'],
    ['# inside quotes', 'A="x#y"\nB=\'x # y\'\nC=`x#y`\n'],
    ['unquoted #', 'PASS=ab#cd\nX=#all\n'],
    ['empty values', 'A=\nB=""\nC=\'\'\nD= # c\nE:\n'],
    ['quotes', 'A=\'single\'\nB="double"\nC=`back`\nD="  pad  "\n'],
    ['escapes in double quotes only', 'A="a\\nb\\rc\\t"\nB=\'a\\nb\'\nC=`a\\nb`\nD=a\\nb\n'],
    ['multi-line PEM', 'KEY="-----BEGIN KEY-----\nMIIEvQIBADAN\nBgkqhkiG9w0=\n-----END KEY-----"\nNEXT=1\n'],
    ['unclosed quote', 'A="never closed\nB=2\nC=\'open\n'],
    ['unclosed quote closed later', 'A="open\nmiddle\nend"\nB=2\n'],
    ['CRLF', 'A=1\r\nB="x\r\ny"\r\nC=3\r\n'],
    ['lone CR', 'A=1\rB=2\r'],
    ['broken lines', 'A=1\nnot a line\n=value\nB 2\nC=3\n'],
    ['duplicates', 'A=1\nA=2\nB=x\nA=3\n'],
    ['odd keys', 'my.key=1\nmy-key=2\n1KEY=3\n_x=4\n'],
    ['quotes inside values', 'A=it\'s\nB="say "hi""\nC=\'a\'b\'\nD="a\\"b"\n'],
    ['trailing backslash', "A='C:\\dir\\'\nB=x'\n"],
    ['BOM and blank lines', '\uFEFFA=1\n\n\n   \nB=2'],
    ['unicode', 'A=😀\nB="é\u2028x"\nC=\u00a0y\u00a0\n'],
    ['value on the next line', 'A=\n"quoted"\nB=\nplain\n'],
    ['empty file', ''],
  ])('%s', (_name, text) => {
    read(text);
  });
});

describe('parseEnv entries', () => {
  it('keeps every entry in order with its line, duplicates included', () => {
    const result = read('# header\n\nA=1\nexport B=2\nA=3\n\nC="x\ny"\nD=4\n');
    expect(result.entries.map((e) => [e.key, e.value, e.line])).toEqual([
      ['A', '1', 3],
      ['B', '2', 4],
      ['A', '3', 5],
      ['C', 'x\ny', 7],
      ['D', '4', 9],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('counts lines of CRLF files like LF files', () => {
    const result = read('A=1\r\n\r\nB="x\r\ny"\r\nC=3\r\n');
    expect(result.entries.map((e) => e.line)).toEqual([1, 3, 5]);
  });

  it('notes a value cut by an unquoted #, not a spaced comment', () => {
    const result = read('PASS=ab#cd\nX=#all\nOK=value # comment\nQ="a#b"\n');
    expect(kinds(result, 'PASS')).toEqual(['hash-cut']);
    expect(kinds(result, 'X')).toEqual(['hash-cut', 'empty']);
    expect(kinds(result, 'OK')).toEqual([]);
    expect(kinds(result, 'Q')).toEqual([]);
  });

  it('notes empty values and quoted whitespace', () => {
    const result = read('A=\nB=""\nC=" x"\nD=\'x \'\nE=  x  \n');
    expect(kinds(result, 'A')).toEqual(['empty']);
    expect(kinds(result, 'B')).toEqual(['empty']);
    expect(kinds(result, 'C')).toEqual(['whitespace']);
    expect(kinds(result, 'D')).toEqual(['whitespace']);
    expect(kinds(result, 'E')).toEqual([]);
  });

  it('notes an unclosed quote and reports the lines after it without naming them', () => {
    const result = read('KEY="-----BEGIN KEY-----\nMIIEvQIBADAN\nSECRET_PART more\nNEXT=1\n');
    expect(kinds(result, 'KEY')).toEqual(['unclosed-quote']);
    expect(result.problems.map((p) => p.line)).toEqual([2, 3]);
    for (const problem of result.problems) {
      expect(problem.message).toMatch(/quote on line 1 is never closed/);
      expect(problem.message).not.toMatch(/MIIE|SECRET|BEGIN/);
    }
  });

  it('reports broken lines with their numbers, naming only a visible key', () => {
    const result = read('A=1\nDB_HOST localhost\n=hunter2\nsome secret words\nMIIEvQIBADANBgkqhkiG9w0\nB=2\n# fine\n');
    expect(result.problems).toEqual([
      { line: 2, message: 'Line 2: no `=` after `DB_HOST`' },
      { line: 3, message: 'Line 3 has no key before `=`' },
      { line: 4, message: 'Line 4 is not a KEY=value line' },
      { line: 5, message: 'Line 5 is not a KEY=value line' },
    ]);
    expect(result.entries.map((e) => e.key)).toEqual(['A', 'B']);
  });

  it('never puts a value into a note or a problem', () => {
    const result = read('P=s3cr3t#tail\nQ="s3cr3t\nR=\'s3cr3t\' \n s3cr3t\n');
    const words = [...result.problems.map((p) => p.message), ...result.entries.flatMap((e) => e.notes.map((n) => n.message))];
    expect(words.length).toBeGreaterThan(0);
    for (const message of words) expect(message).not.toMatch(/s3cr3t|tail/);
  });

  it('reads 1,000 multi-line PEM values', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n'.repeat(25)}-----END PRIVATE KEY-----`;
    const text = Array.from({ length: 1000 }, (_, i) => `KEY_${i}="${pem}"\n`).join('');
    const result = parseEnv(text);
    expect(result.entries).toHaveLength(1000);
    expect(result.entries[999]).toMatchObject({ key: 'KEY_999', value: pem, line: 999 * 27 + 1 });
    expect(result.problems).toEqual([]);
  });
});
