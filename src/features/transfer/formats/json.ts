import { isMap, isScalar, isSeq } from 'yaml';
import type { CST, YAMLError } from 'yaml';
import { keyForMessage, valueNotes } from './notes';
import type { ParsedEntry, ParseProblem, ParseResult } from './types';
import { readText, safeYamlMessage, topLevelPairs } from './yaml-map';

/**
 * JSON is read by the `yaml` parser (JSON is nearly a subset of YAML's flow style; the parser keeps
 * every key, duplicates too, with positions). What YAML reads differently from JSON, or accepts where
 * JSON does not, is found on the parser's tokens and reported on its line; the pair that holds it is
 * not imported, so a value never differs from what JSON means.
 */

interface Violation {
  offset: number;
  reason: string;
}

const JSON_LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;
/** A raw line break, tab or other control character: YAML folds or keeps it, JSON forbids it. */
// eslint-disable-next-line no-control-regex -- finding raw control characters is the point.
const RAW_CONTROL = /[\x00-\x1f]/;
/** A backslash (not itself escaped) starting anything but a JSON escape (YAML has \x, \e, \N, \0…). */
const NON_JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\(?![\\"/bfnrt]|u[0-9a-fA-F]{4})/;
const NOT_JSON = {
  block: 'an indented YAML block; JSON needs `{ }`, `[ ]` and double-quoted strings',
  comment: 'comments are not allowed in JSON',
  marker: 'YAML document markers and directives (`---`, `...`, `%`) are not JSON',
  props: 'YAML anchors, aliases and tags (`&`, `*`, `!`) are not JSON',
} as const;

/** Every place in the parser's tokens where the text is YAML rather than JSON, in file order. */
function violations(tokens: readonly CST.Token[]): Violation[] {
  const out: Violation[] = [];
  const add = (offset: number, reason: string) => out.push({ offset, reason });
  const check = (token: CST.Token | null | undefined, isKey = false): void => {
    if (token === null || token === undefined) return;
    switch (token.type) {
      case 'document':
        token.start.forEach((t) => check(t));
        check(token.value);
        token.end?.forEach((t) => check(t));
        return;
      case 'scalar':
        if (/^\/[/*]/.test(token.source)) add(token.offset, NOT_JSON.comment);
        else if (isKey) add(token.offset, 'a key must be a string in double quotes');
        else if (!JSON_LITERAL.test(token.source)) {
          add(token.offset, 'a JSON value was expected here (a number, true, false, null, or a string in double quotes)');
        }
        break;
      case 'double-quoted-scalar':
        if (RAW_CONTROL.test(token.source)) {
          add(token.offset, 'a string holds a line break, tab or control character (write it as an escape such as \\n)');
        } else if (NON_JSON_ESCAPE.test(token.source)) {
          add(token.offset, 'a string holds an escape JSON does not have (only \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
        break;
      case 'single-quoted-scalar':
        add(token.offset, 'JSON strings need double quotes, not single quotes');
        break;
      case 'flow-collection':
        checkFlow(token);
        return;
      case 'alias':
      case 'anchor':
      case 'tag':
        add(token.offset, NOT_JSON.props);
        break;
      case 'comment':
        add(token.offset, NOT_JSON.comment);
        return;
      case 'block-map':
      case 'block-seq':
      case 'block-scalar':
      case 'seq-item-ind':
      case 'block-scalar-header':
        add(token.offset, NOT_JSON.block);
        return;
      case 'explicit-key-ind':
        add(token.offset, 'a `?` key is YAML, not JSON');
        return;
      case 'directive':
      case 'directive-line':
      case 'doc-start':
      case 'doc-end':
        add(token.offset, NOT_JSON.marker);
        return;
      default:
        return;
    }
    if ('end' in token) token.end?.forEach((t) => check(t));
  };
  const checkFlow = (token: CST.FlowCollection): void => {
    const isObject = token.start.type === 'flow-map-start';
    for (const item of token.items) {
      item.start.forEach((t) => check(t));
      const colon = item.sep?.some((t) => t.type === 'map-value-ind') ?? false;
      const at = item.key?.offset ?? item.value?.offset ?? item.sep?.[0]?.offset;
      // An item of nothing but a comma is a trailing comma (accepted) or an empty item (the parser reports it).
      if (at !== undefined) {
        // Props and `?` come before the key: marked on the key too, so that its pair is left out.
        const before = item.start.find((t) => t.type === 'anchor' || t.type === 'tag' || t.type === 'explicit-key-ind');
        if (before !== undefined) add(at, before.type === 'explicit-key-ind' ? 'a `?` key is YAML, not JSON' : NOT_JSON.props);
        if (isObject && (item.key === undefined || item.key === null)) add(at, 'a key in double quotes was expected here');
        else if (isObject && !colon) add(at, 'a `:` was expected after the key');
        else if (isObject && item.value === undefined) add(at, 'a value was expected after the `:`');
        else if (!isObject && (colon || item.key !== undefined)) add(at, 'a list holds a `key: value` pair');
      }
      check(item.key, isObject);
      item.sep?.forEach((t) => check(t));
      check(item.value);
    }
    token.end.forEach((t) => check(t as CST.Token));
  };
  tokens.forEach((t) => check(t));
  return out.sort((a, b) => a.offset - b.offset);
}

/** Errors that concern one token and leave the rest of the reading intact. */
const LOCAL_ERRORS = new Set(['BAD_DQ_ESCAPE', 'KEY_OVER_1024_CHARS', 'MULTILINE_IMPLICIT_KEY']);
const isLocal = (e: YAMLError) => LOCAL_ERRORS.has(e.code) || (e.code === 'MISSING_CHAR' && e.message.startsWith('Comments'));

/** A parser error in words for JSON, repeating nothing from the file. */
function jsonReason(error: YAMLError, textLength: number, topEnd: number): string {
  const { message } = error;
  const at = error.pos[0];
  if (error.code === 'MISSING_CHAR') {
    if (message.includes('quote')) return 'a string is never closed';
    if (message.includes('must end with')) return at >= textLength ? 'the file ends before the closing `}` or `]`' : 'a closing `}` or `]` is missing';
    if (message.includes('Missing , or :')) return 'a `,` or `:` was expected here';
    if (message.includes('Missing ,')) return 'a `,` or `}` was expected here';
    if (message.includes('Comments')) return NOT_JSON.comment;
  }
  if (message.startsWith('Unexpected , ')) return 'an extra `,`';
  if (at >= topEnd) return 'there is more text after the closing `}`';
  return safeYamlMessage(error);
}

/** Reads a JSON object of string values; numbers and booleans are taken as written (noted). */
export function parseJson(text: string): ParseResult {
  const entries: ParsedEntry[] = [];
  const problems: ParseProblem[] = [];
  const { tokens, doc, tooDeep, lineOf } = readText(text);
  if (tooDeep !== undefined) {
    const line = lineOf(tooDeep);
    return { format: 'json', entries, problems: [{ line, message: `Line ${line}: values are nested too deeply (the file is not valid JSON)` }] };
  }
  const contents = doc?.contents ?? null;
  if (doc === undefined || contents === null) {
    if (text.trim() === '') problems.push({ line: 1, message: 'The file is empty: a JSON object of KEY: value pairs was expected' });
  } else if (!isMap(contents) || !contents.flow) {
    const line = lineOf(contents.range[0]);
    const what = isMap(contents) ? 'is a YAML map, not a JSON object' : 'must be a JSON object of KEY: value pairs';
    problems.push({ line, message: `Line ${line}: the top level of the file ${what} (starting with \`{\`)` });
    return { format: 'json', entries, problems };
  }

  // After the first syntax error the parser's reading of the rest is a guess: nothing past it is taken.
  const topEnd = contents?.range[1] ?? text.length;
  const errors = doc?.errors ?? [];
  const fatal = errors.filter((e) => !isLocal(e)).sort((a, b) => a.pos[0] - b.pos[0])[0];
  const stop = fatal?.pos[0] ?? Infinity;
  const found = violations(tokens).filter((v) => v.offset < stop);
  for (const e of errors) if (isLocal(e) && e.pos[0] < stop) found.push({ offset: e.pos[0], reason: safeYamlMessage(e) });
  if (fatal !== undefined) found.push({ offset: stop, reason: `${jsonReason(fatal, text.length, topEnd)}; nothing after it is read` });
  found.sort((a, b) => a.offset - b.offset);
  const lines = new Set<number>();
  for (const { offset, reason } of found) {
    const line = lineOf(offset);
    // One problem a line (a parser error often repeats what a token already showed).
    if (!lines.has(line)) problems.push({ line, message: `Line ${line}: ${reason} (the file is not valid JSON)` });
    lines.add(line);
  }
  if (doc === undefined || !isMap(contents)) return { format: 'json', entries, problems };

  let next = 0;
  for (const { key, keyNode, value, line, start, end } of topLevelPairs(contents, doc, lineOf, problems)) {
    if (end >= stop) break;
    while (next < found.length && (found[next]?.offset ?? 0) < start) next += 1;
    // A pair that holds something JSON does not mean the way YAML reads it is left out (its problem is listed).
    if ((found[next]?.offset ?? Infinity) <= end || keyNode.type !== 'QUOTE_DOUBLE') continue;
    if (isScalar(value) && value.type === 'QUOTE_DOUBLE') {
      const text = String(value.value);
      entries.push({ key, value: text, line, notes: valueNotes(text) });
    } else if (isScalar(value)) {
      const literal = String(value.value);
      if (literal === 'null') problems.push({ line, message: `Line ${line}: ${keyForMessage(key)} is null; give it a string value` });
      else {
        const kind = literal === 'true' || literal === 'false' ? 'boolean' : 'number';
        entries.push({ key, value: literal, line, notes: [{ kind: 'converted', message: `A JSON ${kind}, imported as its text` }] });
      }
    } else if (value !== null) {
      const kind = isSeq(value) ? 'a list' : 'an object';
      problems.push({ line, message: `Line ${line}: ${keyForMessage(key)} holds ${kind}; only flat KEY: value pairs can be imported` });
    }
  }
  // Syntax problems and problems of pairs, in file order.
  problems.sort((a, b) => a.line - b.line);
  return { format: 'json', entries, problems };
}
