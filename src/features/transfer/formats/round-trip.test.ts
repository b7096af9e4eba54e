// @vitest-environment node
import { parse as dotenvParse } from 'dotenv';
import fc from 'fast-check';
import { parseEnv } from './env';
import { parseSecretsFile, serialize } from './formats';
import { hasLoneSurrogate } from './notes';
import { FILE_FORMATS } from './types';

/** Pieces values are built from: the characters each format finds hard (lone surrogates now and then). */
const PIECES = [
  'a', 'Z', '0', ' ', '  ', '\t', '\n', '\r', '\r\n', '#', ' #', '=', ':', '\\', '\\', '\\n', '\\r', "'", '"', '`',
  '😀', 'é', '\u00a0', '\u2028', '\u0000', '\u0007', '\u007f', '\uFEFF', '$', 'export ', 'K=', '- ', '{',
];
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...PIECES), weight: 30 },
  { arbitrary: fc.constantFrom('\uD800', '\uDC00'), weight: 1 },
);
const value = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,11}$/);
const entriesArb = fc.uniqueArray(fc.record({ key, value }), { selector: (e) => e.key, maxLength: 8 });

const RUNS = { numRuns: 200 };

/** What a file written to disk gives back (UTF-8 replaces lone surrogates). */
const throughUtf8 = (text: string) => new TextDecoder().decode(new TextEncoder().encode(text));

/** Every way dotenv's syntax offers to write a value on one `KEY=` line. */
function envCandidates(k: string, v: string): string[] {
  const escaped = v.replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  const forms = [v, `'${v}'`, `"${v}"`, `"${escaped}"`, `\`${v}\``];
  return forms.flatMap((form) => [`${k}=${form}`, `${k}=${form} # ('")\``]);
}

describe('serialize then parse gives back every key not in inexact', () => {
  it.each(FILE_FORMATS)('%s', (format) => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const { text, inexact } = serialize(format, entries);
        const kept = entries.filter((e) => !inexact.includes(e.key));
        expect(throughUtf8(text)).toBe(text);
        const back = parseSecretsFile(text, format);
        expect(back.problems).toEqual([]);
        expect(back.entries.map((e) => ({ key: e.key, value: e.value }))).toEqual(kept);
        if (format === 'env') {
          expect(dotenvParse(text)).toEqual(Object.fromEntries(kept.map((e) => [e.key, e.value])));
        }
        for (const k of inexact) {
          const v = entries.find((e) => e.key === k)?.value ?? '';
          // JSON escapes everything; YAML and .env cannot store a lone surrogate in a UTF-8 file.
          expect(format).not.toBe('json');
          if (format === 'yaml' || hasLoneSurrogate(v)) expect(hasLoneSurrogate(v)).toBe(true);
          else for (const line of envCandidates(k, v)) expect(dotenvParse(line)[k]).not.toBe(v);
        }
      }),
      RUNS,
    );
  });

  it('holds the hard .env cases', () => {
    const entries = [
      { key: 'TRAILING', value: 'C:\\dir\\' },
      { key: 'NEXT', value: "x'\n#'" },
      // All three quotes and a line break: double quotes hold it (read as an unquoted line)…
      { key: 'QUOTES_NL', value: `'"\`\n` },
      // …unless a # ends that line.
      { key: 'ALL', value: `'"\`#\n` },
      { key: 'CRLF', value: 'a\r\nb' },
      { key: 'ESCAPES', value: 'a\\nb\nc' },
      { key: 'LONE', value: '\uD800' },
    ];
    const { text, inexact } = serialize('env', entries);
    expect(inexact).toEqual(['ALL', 'LONE']);
    const kept = entries.filter((e) => !inexact.includes(e.key));
    expect(dotenvParse(text)).toEqual(Object.fromEntries(kept.map((e) => [e.key, e.value])));
  });
});

describe('parseEnv agrees with dotenv on any text', () => {
  const LINE_PIECES = ['A', 'b_1', '.', '-', '=', ':', ': ', ' ', '\t', '\n', '\r\n', '\r', '#', "'", '"', '`', '\\', '\\n', 'export ', 'x', '😀', '\u2028'];
  it('gives the same last value for every key', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINE_PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const out: Record<string, string> = {};
        for (const entry of parseEnv(text).entries) out[entry.key] = entry.value;
        expect(out).toEqual(dotenvParse(text));
      }),
      { numRuns: 500 },
    );
  });
});
