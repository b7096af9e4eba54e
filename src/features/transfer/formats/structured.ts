import { Document, isMap, isScalar, isSeq, Pair, Scalar, YAMLMap } from 'yaml';
import { parseJson } from './json';
import { hasLoneSurrogate, keyForMessage, valueNotes } from './notes';
import type { ParsedEntry, ParseProblem, ParseResult, SerializeResult } from './types';
import { readText, safeYamlMessage, topLevelPairs } from './yaml-map';

/** Reads a YAML document whose top level is a map of scalars; every scalar is kept as the text written. */
export function parseYaml(text: string): ParseResult {
  const { doc, tooDeep, secondDoc, lineOf } = readText(text);
  const entries: ParsedEntry[] = [];
  if (doc === undefined) {
    const line = lineOf(tooDeep ?? 0);
    return { format: 'yaml', entries, problems: [{ line, message: `Line ${line}: values are nested too deeply (the file is not valid YAML)` }] };
  }
  const problems: ParseProblem[] = doc.errors.map((error) => {
    const line = lineOf(error.pos[0]);
    return { line, message: `Line ${line}: ${safeYamlMessage(error)} (the file is not valid YAML)` };
  });
  if (secondDoc !== undefined) {
    const line = lineOf(secondDoc);
    problems.push({ line, message: `Line ${line}: a second document starts here; only the first is read (the file is not valid YAML)` });
  }
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
  for (const { key, value: valueNode, line } of topLevelPairs(contents, doc, lineOf, problems)) {
    if (valueNode === null) {
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
