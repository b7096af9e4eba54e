import { Document, isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { ErrorCode, Node, YAMLError } from 'yaml';
import { parseJson } from './json';
import { hasLoneSurrogate, keyForMessage, valueNotes } from './notes';
import type { ParsedEntry, ParseProblem, ParseResult, SerializeResult } from './types';

/** Codes whose parser messages are fixed words (others may quote the file, which may hold a value). */
const FIXED_MESSAGES = new Set<ErrorCode>([
  'ALIAS_PROPS', 'BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'TAB_AS_INDENT',
]);

const OWN_WORDS: Partial<Record<ErrorCode, string>> = {
  BAD_ALIAS: 'An alias (*name) that refers to no anchor before it',
  BAD_DIRECTIVE: 'An unsupported % directive',
  BAD_DQ_ESCAPE: 'An invalid escape in a double-quoted string',
  BAD_PROP_ORDER: 'An anchor or tag in the wrong place',
  BAD_SCALAR_START: 'A plain value starts with a reserved character (quote it)',
  TAG_RESOLVE_FAILED: 'A tag that cannot be read',
  BAD_COLLECTION_TYPE: 'A tag that does not fit its value',
  RESOURCE_EXHAUSTION: 'Too many aliases',
};

/** A YAML parser message in words that repeat nothing from the file. */
function safeYamlMessage(error: YAMLError): string {
  if (FIXED_MESSAGES.has(error.code)) return error.message.replace(/;\s.*$/s, '');
  return OWN_WORDS[error.code] ?? 'Unexpected text';
}

/** Reads a YAML document whose top level is a map of scalars; every scalar is kept as the text written. */
export function parseYaml(text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, lineCounter, prettyErrors: false });
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const entries: ParsedEntry[] = [];
  const problems: ParseProblem[] = doc.errors.map((error) => {
    const line = lineOf(error.pos[0]);
    return { line, message: `Line ${line}: ${safeYamlMessage(error)} (the file is not valid YAML)` };
  });
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === '' && problems.length > 0)) {
    return { format: 'yaml', entries, problems };
  }
  if (!isMap(contents)) {
    const line = lineOf(contents.range[0]);
    problems.push({ line, message: `Line ${line}: the top level of the file must be a map of KEY: value pairs` });
    return { format: 'yaml', entries, problems };
  }
  // Aliases of scalars are resolved to the anchored text; an alias of a map or list is a nested value.
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  for (const pair of contents.items) {
    const keyNode = resolve(pair.key);
    const valueNode = resolve(pair.value);
    const at = (isScalar(pair.key) || isCollection(pair.key) || isAlias(pair.key) ? (pair.key as Node).range : undefined)
      ?? (isScalar(pair.value) || isCollection(pair.value) || isAlias(pair.value) ? (pair.value as Node).range : undefined);
    const line = at === undefined || at === null ? 1 : lineOf(at[0]);
    if (!isScalar(keyNode)) {
      const what = keyNode === null || keyNode === undefined ? 'has no key' : 'has a key that is not plain text';
      problems.push({ line, message: `Line ${line} ${what}; only flat KEY: value pairs can be imported` });
      continue;
    }
    const key = String(keyNode.value);
    if (valueNode === null || valueNode === undefined) {
      entries.push({ key, value: '', line, notes: valueNotes('') });
    } else if (isScalar(valueNode)) {
      const value = String(valueNode.value);
      entries.push({ key, value, line, notes: valueNotes(value) });
    } else {
      const kind = isSeq(valueNode) ? 'list' : 'map';
      problems.push({ line, message: `Line ${line}: ${keyForMessage(key)} holds a nested ${kind}; only flat KEY: value pairs can be imported` });
    }
  }
  return { format: 'yaml', entries, problems };
}

interface Pairs {
  readonly key: string;
  readonly value: string;
}

/** Keys whose (key, value) the parsed text does not give back exactly, in order. */
function mismatches(entries: readonly Pairs[], parsed: ParseResult): Set<string> {
  const bad = new Set<string>();
  entries.forEach((entry, i) => {
    const back = parsed.entries[i];
    if (back?.key !== entry.key || back.value !== entry.value) bad.add(entry.key);
  });
  return bad;
}

/** Pairs whose text holds something other than printable ASCII (the only ones worth re-reading). */
const UNUSUAL = /[^\x20-\x7e]/;

function serializeChecked(
  entries: readonly Pairs[],
  write: (kept: readonly Pairs[]) => string,
  read: (text: string) => ParseResult,
  unsafe: (entry: Pairs) => boolean,
): SerializeResult {
  const inexact = new Set(entries.filter(unsafe).map((e) => e.key));
  // Pairs are written independently of each other: re-reading the unusual ones on their own is enough.
  const suspects = entries.filter((e) => !inexact.has(e.key) && (UNUSUAL.test(e.key) || UNUSUAL.test(e.value)));
  if (suspects.length > 0) mismatches(suspects, read(write(suspects))).forEach((key) => inexact.add(key));
  const text = write(entries.filter((e) => !inexact.has(e.key)));
  return { text, inexact: entries.filter((e) => inexact.has(e.key)).map((e) => e.key) };
}

function writeJson(entries: readonly Pairs[]): string {
  if (entries.length === 0) return '{}\n';
  const lines = entries.map((e) => `  ${JSON.stringify(e.key)}: ${JSON.stringify(e.value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Characters outside YAML's printable set, or line breaks to YAML 1.1 (NEL, LS, PS), and the BOM. */
const YAML_RAW = /[\x7f-\x9f\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

function writeYaml(entries: readonly Pairs[]): string {
  const doc = new Document(new YAMLMap(), { schema: 'failsafe' });
  const map = doc.contents as YAMLMap;
  for (const { key, value } of entries) {
    const keyNode = new Scalar(key);
    keyNode.type = 'QUOTE_DOUBLE';
    const valueNode = new Scalar(value);
    valueNode.type = 'QUOTE_DOUBLE';
    map.items.push(new Pair(keyNode, valueNode));
  }
  const text = doc.toString({ defaultKeyType: 'QUOTE_DOUBLE', defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 });
  // Every scalar is double-quoted, so these characters (left raw by the writer) can only be inside
  // one: escape them, as YAML 1.1 readers reject them or take them for line breaks.
  return text.replace(YAML_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** JSON: one pair per line in order; JSON.stringify's escapes hold every string exactly. */
export function serializeJson(entries: readonly Pairs[]): SerializeResult {
  return serializeChecked(entries, writeJson, parseJson, () => false);
}

/** YAML: every key and value double-quoted, no folding, so YAML 1.1 readers see strings too. */
export function serializeYaml(entries: readonly Pairs[]): SerializeResult {
  return serializeChecked(entries, writeYaml, parseYaml, (e) => hasLoneSurrogate(e.key) || hasLoneSurrogate(e.value));
}
