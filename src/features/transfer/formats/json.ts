import type { ParsedEntry, ParseProblem, ParseResult } from './types';
import { keyForMessage, valueNotes } from './notes';

/**
 * A strict JSON reader for one object of KEY: value pairs. Unlike JSON.parse it keeps every key
 * (duplicates too) with its line and reports errors with a line and words of ours (engines' JSON
 * messages may quote the text). Unlike a YAML parser it accepts exactly JSON: no comments, no
 * trailing commas, no single quotes, no raw line breaks inside strings.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 256;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    const { text } = this;
    while (this.pos < text.length) {
      const c = text[this.pos];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.pos += 1;
      else if (c === '/' && (text[this.pos + 1] === '/' || text[this.pos + 1] === '*')) {
        throw new JsonSyntaxError(this.pos, 'comments are not allowed in JSON');
      } else if (c === '#') throw new JsonSyntaxError(this.pos, 'comments are not allowed in JSON');
      else return;
    }
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  /** A double-quoted string, decoded exactly as JSON defines it. */
  string(): string {
    const { text } = this;
    const start = this.pos;
    if (text[start] === "'") throw new JsonSyntaxError(start, 'JSON strings need double quotes, not single quotes');
    if (text[start] !== '"') throw new JsonSyntaxError(start, 'a string in double quotes was expected here');
    let i = start + 1;
    for (;;) {
      const code = text.charCodeAt(i);
      if (i >= text.length) throw new JsonSyntaxError(start, 'a string is never closed');
      if (code === 0x22) break;
      if (code < 0x20) {
        throw new JsonSyntaxError(i, 'a string holds a line break or control character (write it as an escape such as \\n)');
      }
      if (code === 0x5c) {
        const next = text[i + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2;
        else throw new JsonSyntaxError(i, 'a string holds an invalid escape');
      } else i += 1;
    }
    this.pos = i + 1;
    return JSON.parse(text.slice(start, i + 1)) as string;
  }

  /** A number, true, false or null: its text as written. */
  literal(): string | undefined {
    const { text } = this;
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return word;
      }
    }
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(text);
    if (match === null) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  /** Any JSON value, only checked (nested values are not imported). */
  skipValue(depth: number): void {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.pos, 'values are nested too deeply');
    const c = this.peek();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.pos += 1;
      this.skipSpace();
      if (this.peek() === close) {
        this.pos += 1;
        return;
      }
      for (;;) {
        if (close === '}') {
          this.string();
          this.skipSpace();
          this.expect(':', 'a `:` was expected after the key');
          this.skipSpace();
        }
        this.skipValue(depth + 1);
        this.skipSpace();
        if (!this.separator(close)) return;
      }
    }
    if (c === '"' || c === "'") this.string();
    else if (this.literal() === undefined) throw new JsonSyntaxError(this.pos, 'a JSON value was expected here');
  }

  /** After an item: true after a `,` (another item follows), false after the closing bracket. */
  separator(close: '}' | ']'): boolean {
    const c = this.peek();
    if (c === ',') {
      const comma = this.pos;
      this.pos += 1;
      this.skipSpace();
      if (this.peek() === close) throw new JsonSyntaxError(comma, `a trailing comma before \`${close}\``);
      return true;
    }
    if (c === close) {
      this.pos += 1;
      return false;
    }
    if (c === undefined) throw new JsonSyntaxError(this.pos, `the file ends before the closing \`${close}\``);
    throw new JsonSyntaxError(this.pos, `a \`,\` or \`${close}\` was expected here`);
  }

  expect(char: string, reason: string): void {
    if (this.peek() !== char) throw new JsonSyntaxError(this.pos, reason);
    this.pos += 1;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/** Reads a JSON object of string values; numbers and booleans are taken as written (noted). */
export function parseJson(text: string): ParseResult {
  const entries: ParsedEntry[] = [];
  const problems: ParseProblem[] = [];
  const reader = new Reader(text);
  // Lines are counted incrementally: keys come in file order.
  let lineOffset = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (let i = text.indexOf('\n', lineOffset); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineOffset = i + 1;
    }
    return line;
  };
  try {
    reader.skipSpace();
    if (reader.peek() === undefined) {
      problems.push({ line: 1, message: 'The file is empty: a JSON object of KEY: value pairs was expected' });
      return { format: 'json', entries, problems };
    }
    if (reader.peek() !== '{') {
      const at = lineAt(reader.pos);
      problems.push({ line: at, message: `Line ${at}: the top level of the file must be a JSON object of KEY: value pairs` });
      return { format: 'json', entries, problems };
    }
    reader.pos += 1;
    reader.skipSpace();
    let more = reader.peek() !== '}';
    if (!more) reader.pos += 1;
    while (more) {
      const keyAt = lineAt(reader.pos);
      const key = reader.string();
      reader.skipSpace();
      reader.expect(':', 'a `:` was expected after the key');
      reader.skipSpace();
      const c = reader.peek();
      if (c === '"' || c === "'") {
        const value = reader.string();
        entries.push({ key, value, line: keyAt, notes: valueNotes(value) });
      } else if (c === '{' || c === '[') {
        reader.skipValue(1);
        const kind = c === '{' ? 'an object' : 'a list';
        problems.push({ line: keyAt, message: `Line ${keyAt}: ${keyForMessage(key)} holds ${kind}; only flat KEY: value pairs can be imported` });
      } else {
        const literal = reader.literal();
        if (literal === undefined) throw new JsonSyntaxError(reader.pos, 'a JSON value was expected here');
        if (literal === 'null') problems.push({ line: keyAt, message: `Line ${keyAt}: ${keyForMessage(key)} is null; give it a string value` });
        else {
          const notes = [{ kind: 'converted' as const, message: `A JSON ${literal === 'true' || literal === 'false' ? 'boolean' : 'number'}, imported as its text` }];
          entries.push({ key, value: literal, line: keyAt, notes });
        }
      }
      reader.skipSpace();
      more = reader.separator('}');
    }
    reader.skipSpace();
    if (reader.peek() !== undefined) throw new JsonSyntaxError(reader.pos, 'there is more text after the closing `}`');
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const at = lineOf(text, error.offset);
    problems.push({ line: at, message: `Line ${at}: ${error.reason} (the file is not valid JSON)` });
  }
  return { format: 'json', entries, problems };
}
