import { parseEnv } from './env';
import { parseJson } from './json';
import { parseYaml } from './structured';
import type { FileFormat, ParseResult } from './types';

export { detectFormat } from './detect';
export { serialize } from './serialize';

export const FORMAT_LABELS: Record<FileFormat, string> = { env: '.env', json: 'JSON', yaml: 'YAML' };
export const FORMAT_EXTENSIONS: Record<FileFormat, string> = { env: 'env', json: 'json', yaml: 'yaml' };

/** The largest file and the most keys the import reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_KEYS = 5000;

/** Reads a secrets file: every KEY/value in file order, with notes, and the lines it could not read. */
export function parseSecretsFile(text: string, format: FileFormat): ParseResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (format === 'env') return parseEnv(body);
  if (format === 'json') return parseJson(body);
  return parseYaml(body);
}
