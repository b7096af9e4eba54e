import { parseEnv } from './env';
import { hasLoneSurrogate } from './notes';
import { serializeJson, serializeYaml } from './structured';
import type { FileFormat, SerializeResult } from './types';

interface Pair {
  readonly key: string;
  readonly value: string;
}

/** Keys dotenv reads (its pattern's key part). */
const ENV_KEY = /^[\w.-]+$/;

/** Writes one value in quote `quote`; a value ending in `\` gets a comment that stops dotenv reading on past it. */
function envLine(key: string, value: string, quote: string): string {
  const content = quote === '"' ? value.replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
  // dotenv's pattern lets `\'` continue a quoted value, so a closing quote after `\` could be skipped
  // to a later line; a quote right after the comment gives it nowhere to go but back to this one.
  const guard = content.endsWith('\\') ? ` # ends with a backslash (${quote}guard${quote})` : '';
  return `${key}=${quote}${content}${quote}${guard}`;
}

function readsBack(line: string, key: string, value: string): boolean {
  const { entries, problems } = parseEnv(line);
  return entries.length === 1 && problems.length === 0 && entries[0]?.key === key && entries[0].value === value;
}

/** The first of single quotes, double quotes, backticks that reads back exactly, if any. */
function envForm({ key, value }: Pair): string | undefined {
  if (!ENV_KEY.test(key) || hasLoneSurrogate(value)) return undefined;
  for (const quote of [`'`, '"', '`']) {
    // A CR survives dotenv's CRLF normalisation only as `\r` inside double quotes.
    if (quote !== '"' && value.includes('\r')) continue;
    const line = envLine(key, value, quote);
    if (readsBack(line, key, value)) return line;
  }
  return undefined;
}

/** .env: each value in a form this module's (dotenv's) reader gives back exactly; the others are `inexact`. */
function serializeEnv(entries: readonly Pair[]): SerializeResult {
  const inexact = new Set<string>();
  const lines = new Map<Pair, string>();
  for (const entry of entries) {
    const line = envForm(entry);
    if (line === undefined) inexact.add(entry.key);
    else lines.set(entry, line);
  }
  const write = () => {
    const kept = entries.filter((e) => !inexact.has(e.key));
    return { kept, text: kept.map((e) => `${lines.get(e) ?? ''}\n`).join('') };
  };
  let { kept, text } = write();
  // Each line was checked on its own; the whole file is read back too, in case lines interact.
  for (let round = 0; round < 3; round += 1) {
    const back = parseEnv(text).entries;
    const bad = kept.filter((e, i) => back[i]?.key !== e.key || back[i]?.value !== e.value);
    if (bad.length === 0) break;
    bad.forEach((e) => inexact.add(e.key));
    ({ kept, text } = write());
  }
  return { text, inexact: entries.filter((e) => inexact.has(e.key)).map((e) => e.key) };
}

/** Writes entries in a format; keys whose values the format cannot hold exactly are left out and listed. */
export function serialize(format: FileFormat, entries: readonly Pair[]): SerializeResult {
  if (format === 'env') return serializeEnv(entries);
  if (format === 'json') return serializeJson(entries);
  return serializeYaml(entries);
}
