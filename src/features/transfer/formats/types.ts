/** The file formats secrets are imported from and exported to. */
export type FileFormat = 'env' | 'json' | 'yaml';

export const FILE_FORMATS: readonly FileFormat[] = ['env', 'json', 'yaml'];

/** Something worth a second look about one entry; the entry is still imported as read. */
export interface EntryNote {
  kind:
    | 'hash-cut' // .env: an unquoted `#` ended the value (the rest was read as a comment)
    | 'whitespace' // the value starts or ends with whitespace
    | 'empty' // the value is empty
    | 'unclosed-quote' // .env: a value opened a quote it never closed (read as written)
    | 'converted'; // JSON: a number or boolean, imported as its text
  /** Plain words for the user, naming no value. */
  message: string;
}

/** One `key = value` read from the file, in file order (a key written twice appears twice). */
export interface ParsedEntry {
  /** As written in the file (it may not be a valid secret name). */
  key: string;
  value: string;
  /** 1-based line of the key. */
  line: number;
  notes: EntryNote[];
}

/** A line (or node) that yields no entry and is not a blank line or a comment. */
export interface ParseProblem {
  line: number;
  /** Plain words, naming no value: e.g. "Line 12 has no `=`", "KEY holds a nested list". */
  message: string;
}

export interface ParseResult {
  format: FileFormat;
  entries: ParsedEntry[];
  problems: ParseProblem[];
}

/** The text a format writes for some entries; `inexact` lists the keys it cannot hold exactly (left out of `text`). */
export interface SerializeResult {
  text: string;
  inexact: string[];
}
