import type { EntryNote, ParsedEntry, ParseProblem, ParseResult } from './types';

/**
 * dotenv's own line pattern (its default `parse`), with the `d` flag for positions. Reading with
 * the very same pattern and post-processing gives the same values as dotenv for every input.
 */
const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

const QUOTES = `'"\``;

/** Offsets where each line starts, for turning an offset into a 1-based line number. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** dotenv's value post-processing: trim, strip one pair of matching quotes, escapes if double-quoted. */
function dotenvValue(raw: string): string {
  let value = raw.trim();
  const first = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (first === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

function notesFor(text: string, match: RegExpExecArray, value: string): EntryNote[] {
  const notes: EntryNote[] = [];
  const raw = match[2];
  const trimmed = (raw ?? '').trim();
  const quote = trimmed[0] !== undefined && QUOTES.includes(trimmed[0]) ? trimmed[0] : undefined;
  const quoted = quote !== undefined && trimmed.length >= 2 && trimmed.endsWith(quote);
  const keyEnd = match.indices?.[1]?.[1] ?? match.index;
  const valueEnd = match.indices?.[2]?.[1];
  if (!quoted) {
    // A `#` right after the value (or right after `=`) with no space before it cut the value short.
    const cutAt = raw === undefined ? text.slice(keyEnd).search(/[=:]/) + keyEnd + 1 : (valueEnd ?? 0);
    const before = text[cutAt - 1] ?? '';
    if (text[cutAt] === '#' && !/\s/.test(before)) {
      notes.push({ kind: 'hash-cut', message: 'An unquoted # ended the value; the rest of the line was read as a comment' });
    }
    if (quote !== undefined && !trimmed.includes(quote, 1)) {
      notes.push({ kind: 'unclosed-quote', message: 'The value opens a quote it never closes; it was read as written on its line' });
    }
  }
  if (value === '') notes.push({ kind: 'empty', message: 'The value is empty' });
  else if (quoted && /^\s|\s$/.test(value)) {
    notes.push({ kind: 'whitespace', message: 'The value starts or ends with whitespace' });
  }
  return notes;
}

/** A conventional variable name that is safe to repeat in a message (not a chunk of a value). */
function nameableToken(token: string): boolean {
  return /^[A-Z_][A-Z0-9_]{0,63}$/.test(token) && /[A-Z]/.test(token) && !/^[0-9A-F]{12,}$/.test(token);
}

function problemFor(line: string, lineNo: number, unclosedLine: number | undefined): ParseProblem {
  if (unclosedLine !== undefined) {
    return {
      line: lineNo,
      message: `Line ${lineNo} is not a KEY=value line; it may belong to the value whose quote on line ${unclosedLine} is never closed`,
    };
  }
  if (/^\s*=/.test(line)) return { line: lineNo, message: `Line ${lineNo} has no key before \`=\`` };
  const token = /^\s*(?:export\s+)?([\w.-]+)(?=\s|:|$)/.exec(line)?.[1];
  if (token !== undefined && nameableToken(token)) {
    return { line: lineNo, message: `Line ${lineNo}: no \`=\` after \`${token}\`` };
  }
  return { line: lineNo, message: `Line ${lineNo} is not a KEY=value line` };
}

/** Reads a .env file the way dotenv does, keeping every entry in order with its line, notes and problems. */
export function parseEnv(input: string): ParseResult {
  const text = input.replace(/\r\n?/g, '\n');
  const starts = lineStarts(text);
  const entries: ParsedEntry[] = [];
  const problems: ParseProblem[] = [];
  // Matches start at a line start and end at a line end: lines outside them are blank, comments or problems.
  const covered: [number, number, number | undefined][] = [];
  LINE.lastIndex = 0;
  for (let match = LINE.exec(text); match !== null; match = LINE.exec(text)) {
    const key = match[1] ?? '';
    const value = dotenvValue(match[2] ?? '');
    const line = lineAt(starts, match.indices?.[1]?.[0] ?? match.index);
    const notes = notesFor(text, match, value);
    entries.push({ key, value, line, notes });
    const unclosed = notes.some((n) => n.kind === 'unclosed-quote') ? line : undefined;
    covered.push([match.index, match.index + match[0].length, unclosed]);
  }
  let next = 0;
  let unclosedLine: number | undefined;
  for (let i = 0; i < starts.length; i += 1) {
    const start = starts[i] ?? 0;
    const content = text.slice(start, (starts[i + 1] ?? text.length + 1) - 1);
    if (/^\s*(#|$)/.test(content)) continue;
    const first = start + content.search(/\S/);
    for (let span = covered[next]; span !== undefined && span[1] <= first; span = covered[next]) {
      unclosedLine = span[2];
      next += 1;
    }
    const span = covered[next];
    if (span !== undefined && span[0] <= first) continue;
    problems.push(problemFor(content, i + 1, unclosedLine));
  }
  return { format: 'env', entries, problems };
}
