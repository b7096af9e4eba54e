import { Composer, isAlias, isCollection, isScalar, LineCounter, Parser } from 'yaml';
import type { CST, Document, ErrorCode, Node, Scalar, YAMLError, YAMLMap } from 'yaml';
import type { ParseProblem } from './types';

/** How both YAML and JSON files are read: every scalar a string, every key kept (duplicates too). */
const READ_OPTIONS = { schema: 'failsafe', uniqueKeys: false, prettyErrors: false } as const;

/** Deeper nesting than any secrets file needs; past it, the parser's recursion nears the stack limit. */
const MAX_DEPTH = 256;

/** The offset of the first collection nested deeper than MAX_DEPTH, walking the parser's tokens without recursion. */
function tooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((t) => [t, 0]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type === 'document' && token.value !== undefined) stack.push([token.value, depth]);
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth >= MAX_DEPTH) return token.offset;
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return undefined;
}

export interface ReadText {
  /** The parser's tokens (a lossless reading of the text). */
  tokens: CST.Token[];
  /** The first document, unless the text nests too deeply to compose it (tooDeep is then its offset). */
  doc?: Document.Parsed;
  tooDeep?: number;
  /** Where a second document starts, if there is one. */
  secondDoc?: number;
  lineOf: (offset: number) => number;
}

/** Parses the text once with line numbers; a text nested too deeply is not composed (the parser would exhaust the stack). */
export function readText(text: string): ReadText {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeep(tokens);
  if (deep !== undefined) return { tokens, tooDeep: deep, lineOf };
  const [doc, second] = Array.from(new Composer(READ_OPTIONS).compose(tokens, true, text.length));
  return { tokens, doc, secondDoc: second?.range[0], lineOf };
}

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
  RESOURCE_EXHAUSTION: 'Values nested too deeply, or too many aliases',
};

/** A YAML parser message in words that repeat nothing from the file. */
export function safeYamlMessage(error: YAMLError): string {
  if (FIXED_MESSAGES.has(error.code)) return error.message.replace(/;\s.*$/s, '');
  return OWN_WORDS[error.code] ?? 'Unexpected text';
}

/** One pair of the top-level map, its key read as text and aliases resolved. */
export interface TopLevelPair {
  key: string;
  keyNode: Scalar;
  /** The value node (a scalar, map or list), or null when the pair has no value. */
  value: unknown;
  line: number;
  /** Offsets of the start of the pair and the end of its value. */
  start: number;
  end: number;
}

const rangeOf = (node: unknown) => (isScalar(node) || isCollection(node) || isAlias(node) ? (node as Node).range : undefined) ?? undefined;

/** The pairs of a map in file order; a pair whose key is missing or not plain text becomes a problem. */
export function topLevelPairs(
  map: YAMLMap,
  doc: Document.Parsed,
  lineOf: (offset: number) => number,
  problems: ParseProblem[],
): TopLevelPair[] {
  const pairs: TopLevelPair[] = [];
  const resolve = (node: unknown): unknown => (isAlias(node) ? node.resolve(doc) : node);
  for (const pair of map.items) {
    const keyRange = rangeOf(pair.key);
    const valueRange = rangeOf(pair.value);
    const start = keyRange?.[0] ?? valueRange?.[0];
    const line = start === undefined ? 1 : lineOf(start);
    const keyNode = resolve(pair.key);
    if (!isScalar(keyNode)) {
      const what = keyNode === null || keyNode === undefined ? 'has no key' : 'has a key that is not plain text';
      problems.push({ line, message: `Line ${line} ${what}; only flat KEY: value pairs can be imported` });
      continue;
    }
    const end = valueRange?.[1] ?? keyRange?.[1] ?? start ?? 0;
    const value = resolve(pair.value) ?? null;
    pairs.push({ key: String(keyNode.value), keyNode, value, line, start: start ?? 0, end });
  }
  return pairs;
}
