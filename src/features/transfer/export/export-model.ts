import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { FILE_FORMATS, type FileFormat } from '../formats/types';
import { FORMAT_EXTENSIONS, serialize } from '../formats/formats';

/**
 * Exporting an environment, without React: which secrets are written, the file's name and type,
 * and what a format can hold exactly. Values pass through here and are never kept.
 */

/** The MIME type of a downloaded file. */
export const EXPORT_MIME_TYPES: Readonly<Record<FileFormat, string>> = {
  env: 'text/plain;charset=utf-8',
  json: 'application/json;charset=utf-8',
  yaml: 'application/yaml;charset=utf-8',
};

/** Whether a secret of a rendered list (masked or Full) has a value in its environment. */
export const hasValue = (secret: RenderedSecret): boolean => secret.valueType !== VALUE_TYPE.none;

export interface ExportCounts {
  /** Secrets with a value: these are written. */
  withValue: number;
  /** Secrets without a value here: left out. */
  withoutValue: number;
}

/** How many secrets of an environment's (masked) list an export writes and leaves out. */
export function exportCounts(secrets: readonly RenderedSecret[]): ExportCounts {
  let withValue = 0;
  for (const secret of secrets) if (hasValue(secret)) withValue++;
  return { withValue, withoutValue: secrets.length - withValue };
}

/** The entries an export writes from a Full list: every secret with a value, in the list's order. */
export function exportEntries(full: readonly RenderedSecret[]): Array<{ key: string; value: string }> {
  const entries: Array<{ key: string; value: string }> = [];
  for (const secret of full) if (hasValue(secret)) entries.push({ key: secret.key, value: secret.serializedValue ?? '' });
  return entries;
}

/** One part of a file name: letters, digits, `.`, `_` and `-` kept, anything else `-`; never hidden, never empty. */
function safePart(text: string, fallback: string): string {
  const safe = text.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '-').replace(/^\./, '-');
  return safe === '' ? fallback : safe;
}

/** `<app>-<env>.<ext>`, safe for file systems. */
export function exportFileName(appName: string, envSlug: string, format: FileFormat): string {
  return `${safePart(appName, 'app')}-${safePart(envSlug, 'env')}.${FORMAT_EXTENSIONS[format]}`;
}

export interface PreparedExport {
  /** The file's text, without the inexact keys. */
  text: string;
  /** How many values `text` holds. */
  written: number;
  /** Keys this format cannot hold exactly (left out of `text`). */
  inexact: string[];
  /** The other formats that hold every entry exactly (offered instead), when some are inexact. */
  exactIn: FileFormat[];
}

/** Serializes entries in `format`; when some keys have no exact form there, says which formats hold them all. */
export function prepareExport(format: FileFormat, entries: readonly { key: string; value: string }[]): PreparedExport {
  const { text, inexact } = serialize(format, entries);
  const exactIn = inexact.length === 0 ? [] : FILE_FORMATS.filter((other) => other !== format && serialize(other, entries).inexact.length === 0);
  return { text, written: entries.length - inexact.length, inexact, exactIn };
}

/** A clipboard delay as the UI writes it: "30 s", "2 min". */
export const clearDelayText = (seconds: number): string => (seconds < 60 ? `${seconds} s` : `${seconds / 60} min`);
