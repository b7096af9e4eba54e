import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { secretNameError, upperSnakeSuggestion, valueSizeError } from '@/lib/secret-name';
import type { EntryNote, ParsedEntry, ParseResult } from '../formats/types';

/**
 * What an import would do, without React: one row per key of the parsed file (the last of a key
 * written twice wins, as dotenv does), each with its category against the target environment's
 * keys. Rows name keys and lines only; values stay in the parse result until they are sent.
 */

/** `new`: no value in the environment yet; `replace`: it has one; `same`: a compare found the very value. */
export type ImportCategory = 'new' | 'replace' | 'same' | 'invalid' | 'too-large';

/** The summary's counts: the categories, and two flags a row of any category can carry. */
export type ImportCounts = Readonly<Record<ImportCategory | 'duplicate' | 'suspicious', number>>;

export interface ImportRow {
  /** The key as written in the file: the row's identity across edits and renames. */
  id: string;
  /** The name to write: the key, or its one-click fix once applied. */
  key: string;
  /** Index of the winning entry in the parse result's entries. */
  entry: number;
  /** Line of the winning entry. */
  line: number;
  category: ImportCategory;
  /** The existing secret's id (it may have no value in the environment), if any. */
  secretId: string | undefined;
  /** Why the name is refused (invalid only). */
  nameError: string | null;
  /** The UPPER_SNAKE_CASE form offered as a fix (invalid only), and another row's key it would collide with. */
  fix: string | null;
  fixCollision: boolean;
  /** Set when the fix was applied: the row is written under `key`. */
  renamed: boolean;
  /** Every line the key was written on, when more than one (the last wins). */
  duplicateLines: readonly number[] | null;
  /** The winning entry's notes: a warning on the row, still included by default. */
  notes: readonly EntryNote[];
  /** Why the value cannot be sent (too-large only). */
  sizeError: string | null;
}

export interface ImportPreview {
  rows: readonly ImportRow[];
  counts: ImportCounts;
  /** More keys than the limit: nothing can be imported. */
  tooMany: boolean;
}

/** Which existing keys already hold the value the file gives them (from one compare of clear values). */
export interface ImportComparison {
  /** The parse and environment compared: a new text or target makes the comparison stale. */
  parse: ParseResult;
  envId: string;
  same: ReadonlySet<string>;
  /** Keys compared (same or different): the rest are not known yet. */
  compared: ReadonlySet<string>;
}

export interface PreviewInput {
  parse: ParseResult;
  /** The environment's masked list: which keys exist, with or without a value. */
  existing: readonly RenderedSecret[];
  /** Applied fixes: row id (key as written) → the name to write instead. */
  renames: ReadonlyMap<string, string>;
  comparison: ImportComparison | null;
  envId: string;
  maxKeys: number;
}

/** The last entry of each key, in the order keys first appear, with every line each was written on. */
function winners(entries: readonly ParsedEntry[]): Array<{ index: number; lines: number[] }> {
  const byKey = new Map<string, { index: number; lines: number[] }>();
  entries.forEach((entry, index) => {
    const seen = byKey.get(entry.key);
    if (seen) {
      seen.index = index;
      seen.lines.push(entry.line);
    } else byKey.set(entry.key, { index, lines: [entry.line] });
  });
  return [...byKey.values()];
}

/** "written on lines 3 and 9; line 9 wins" (three or more: "lines 3, 5 and 9"). */
export function duplicateText(lines: readonly number[]): string {
  const last = lines[lines.length - 1];
  const listed = lines.length > 1 ? `${lines.slice(0, -1).join(', ')} and ${last}` : String(last);
  return `written on lines ${listed}; line ${last} wins`;
}

/** Every row of the preview, with the counts of the summary. */
export function buildImportPreview({ parse, existing, renames, comparison, envId, maxKeys }: PreviewInput): ImportPreview {
  const present = new Map<string, { secretId: string; hasValue: boolean }>();
  for (const secret of existing) present.set(secret.key, { secretId: secret.secretId, hasValue: secret.valueType !== VALUE_TYPE.none });
  const current = comparison && comparison.parse === parse && comparison.envId === envId ? comparison : null;
  const found = winners(parse.entries);
  // The names written once every applied fix is in place: a fix must not land on one of them.
  const written = new Set<string>();
  for (const { index } of found) {
    const key = parse.entries[index]!.key;
    written.add(renames.get(key) ?? key);
  }

  const counts = { new: 0, replace: 0, same: 0, invalid: 0, 'too-large': 0, duplicate: 0, suspicious: 0 };
  const rows = found.map(({ index, lines }): ImportRow => {
    const entry = parse.entries[index]!;
    const renamed = renames.get(entry.key);
    const key = renamed ?? entry.key;
    const nameError = secretNameError(key);
    const fix = nameError ? upperSnakeSuggestion(key) : null;
    const sizeError = valueSizeError(entry.value);
    const there = nameError ? undefined : present.get(key);
    let category: ImportCategory;
    if (sizeError) category = 'too-large';
    else if (nameError) category = 'invalid';
    else if (!there?.hasValue) category = 'new';
    else category = current?.same.has(key) ? 'same' : 'replace';
    counts[category]++;
    if (lines.length > 1) counts.duplicate++;
    if (entry.notes.length > 0) counts.suspicious++;
    return {
      id: entry.key,
      key,
      entry: index,
      line: entry.line,
      category,
      secretId: there?.secretId,
      nameError,
      fix,
      fixCollision: fix !== null && written.has(fix),
      renamed: renamed !== undefined,
      duplicateLines: lines.length > 1 ? lines : null,
      notes: entry.notes,
      sizeError,
    };
  });
  return { rows, counts, tooMany: rows.length > maxKeys };
}

/** Whether the user may include the row at all: a value past the limit or a name the service refuses cannot be sent. */
export const canInclude = (row: ImportRow): boolean => row.category !== 'too-large' && row.category !== 'invalid';

/** Whether the row is written unless the user says otherwise. */
const includedByDefault = (row: ImportRow): boolean => row.category === 'new' || row.category === 'replace';

/** Whether the row is written: the user's choice (row id → included) over the default. */
export function isIncluded(row: ImportRow, choices: ReadonlyMap<string, boolean>): boolean {
  if (!canInclude(row)) return false;
  return choices.get(row.id) ?? includedByDefault(row);
}

/** The rows to write, in file order (none when the file has too many keys). */
export function includedRows(preview: ImportPreview, choices: ReadonlyMap<string, boolean>): ImportRow[] {
  return preview.tooMany ? [] : preview.rows.filter((row) => isIncluded(row, choices));
}

/** The keys a compare reads: those that already hold a value in the environment. */
export const keysToCompare = (preview: ImportPreview): string[] =>
  preview.rows.filter((row) => row.category === 'replace' || row.category === 'same').map((row) => row.key);

/** Compares the file's values with the environment's clear ones; only the verdicts are kept. */
export function compareValues(preview: ImportPreview, parse: ParseResult, envId: string, full: readonly RenderedSecret[]): ImportComparison {
  const held = new Map<string, string | undefined>();
  for (const secret of full) held.set(secret.key, secret.valueType === VALUE_TYPE.none ? undefined : (secret.serializedValue ?? ''));
  const same = new Set<string>();
  const compared = new Set<string>();
  for (const row of preview.rows) {
    if ((row.category !== 'replace' && row.category !== 'same') || !held.has(row.key)) continue;
    compared.add(row.key);
    if (held.get(row.key) === parse.entries[row.entry]?.value) same.add(row.key);
  }
  return { parse, envId, same, compared };
}
