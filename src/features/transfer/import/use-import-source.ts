import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { detectFormat, MAX_IMPORT_BYTES, parseSecretsFile } from '../formats/formats';
import type { FileFormat, ParseResult } from '../formats/types';

/** A chosen file's text, kept in memory only (never put into the Paste box). */
export interface LoadedFile {
  name: string;
  text: string;
}

/** A file's text as UTF-8 (FileReader: `Blob.text()` is missing from some environments, jsdom among them). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

/** "6.2 MB" (MB of 2^20 bytes, as the limit is written). */
function formatMegabytes(bytes: number): string {
  return `${+(bytes / 2 ** 20).toFixed(1)} MB`;
}

/** Says how far past the limit `what` is: in bytes when both round to the same megabytes. */
function sizeLimitMessage(what: string, bytes: number): string {
  const [size, limit] = [formatMegabytes(bytes), formatMegabytes(MAX_IMPORT_BYTES)];
  const [shown, most] = size === limit ? [`${bytes.toLocaleString('en')} bytes`, `${MAX_IMPORT_BYTES.toLocaleString('en')} bytes (${limit})`] : [size, limit];
  return `${what} is ${shown}; an import reads at most ${most}. Split it into smaller files.`;
}

export interface ImportSource {
  text: string;
  setText: (text: string) => void;
  file: LoadedFile | null;
  /** Why the file was refused or could not be read. */
  fileError: string | null;
  /** Reads a file (refused before reading when over the size limit). */
  chooseFile: (file: File) => void;
  /** Drops the file and goes back to the Paste box (its text is still there). */
  pasteInstead: () => void;
  /** The format used: the user's choice, else the one detected. */
  format: FileFormat;
  detected: boolean;
  setFormat: (format: FileFormat) => void;
  /** The parse of the deferred text (null while there is nothing to read, or when it is over the limit). */
  parse: ParseResult | null;
  /** The pasted text is over the size limit. */
  tooBig: string | null;
  /** The parse is behind what was typed or chosen (a newer one is on its way). */
  stale: boolean;
  /** Something typed or chosen that closing would lose. */
  dirty: boolean;
}

/** What the import reads: a pasted text or a file, its format, and their parse (deferred, so typing stays smooth). */
export function useImportSource(): ImportSource {
  const [text, setText] = useState('');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<FileFormat | null>(null);
  const reading = useRef(0);

  const source = useMemo(() => (file ? { name: file.name as string | undefined, text: file.text } : { name: undefined, text }), [file, text]);
  const detectedFormat = useMemo(() => detectFormat(source.name, source.text), [source]);
  const format = chosen ?? detectedFormat;
  const input = useMemo(() => ({ ...source, format }), [source, format]);
  const deferred = useDeferredValue(input);
  // Only a text that might be past the limit is measured (a UTF-16 unit is at most 3 bytes of UTF-8).
  const pastedBytes = useMemo(() => (deferred.name !== undefined || deferred.text.length * 3 <= MAX_IMPORT_BYTES ? 0 : new Blob([deferred.text]).size), [deferred]);
  const tooBig = pastedBytes > MAX_IMPORT_BYTES ? sizeLimitMessage('The pasted text', pastedBytes) : null;
  const parse = useMemo(() => (deferred.text.trim() === '' || pastedBytes > MAX_IMPORT_BYTES ? null : parseSecretsFile(deferred.text, deferred.format)), [deferred, pastedBytes]);

  function chooseFile(next: File) {
    const attempt = ++reading.current;
    setFileError(null);
    if (next.size > MAX_IMPORT_BYTES) {
      setFileError(sizeLimitMessage(next.name, next.size));
      return;
    }
    readText(next).then(
      (content) => {
        if (attempt !== reading.current) return;
        setFile({ name: next.name, text: content });
        setChosen(null);
      },
      () => attempt === reading.current && setFileError(`${next.name} could not be read.`),
    );
  }

  return {
    text,
    setText,
    file,
    fileError,
    chooseFile,
    pasteInstead: () => {
      reading.current++;
      setFile(null);
      setFileError(null);
      setChosen(null);
    },
    format,
    detected: chosen === null,
    setFormat: setChosen,
    parse,
    tooBig,
    stale: deferred !== input,
    dirty: text !== '' || file !== null,
  };
}
