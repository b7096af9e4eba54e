import type { FileFormat } from './types';

/** The format a file name says, if it says one. */
function formatFromName(fileName: string): FileFormat | undefined {
  const name = (fileName.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'env';
  return undefined;
}

const ENV_LINE = /^\s*(?:export\s+)?[\w.-]+\s*=/;
const YAML_LINE = /^\s*(?:"[^"]*"|'[^']*'|[^\s#'"=:][^=]*?)\s*:(?:\s|$)|^\s*(?:---|- )/;

/** The format of a file: from its name, else from its content (`{` → JSON, `key: value` lines → YAML, else .env). */
export function detectFormat(fileName: string | undefined, text: string): FileFormat {
  const named = fileName === undefined ? undefined : formatFromName(fileName);
  if (named !== undefined) return named;
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('{')) return 'json';
  let envLines = 0;
  let yamlLines = 0;
  const lines = body.split(/\r\n?|\n/, 200);
  for (const line of lines) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (ENV_LINE.test(line)) envLines += 1;
    else if (YAML_LINE.test(line)) yamlLines += 1;
  }
  return yamlLines > envLines ? 'yaml' : 'env';
}
