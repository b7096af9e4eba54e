/**
 * Secret names, as the service accepts them: letters, digits and `_`, not starting with a digit,
 * at most 256 characters. Pure functions (no React): the create form validates with them as the
 * user types and says *which* character is wrong and *where*, because a pasted name often hides a
 * space, a tab or a zero-width character that nobody can see.
 */
import { MAX_VALUE_BYTES } from '@/api/contract-http';

export const SECRET_NAME_MAX_LENGTH = 256;
export const SECRET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Characters that take no room on screen (or that reorder text) and cannot be seen in a name. */
const INVISIBLE_NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER',
  0x17b4: 'KHMER VOWEL INHERENT AQ',
  0x17b5: 'KHMER VOWEL INHERENT AA',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** Whitespace with a plain-words description. */
const WHITESPACE_NAMES: Record<number, string> = {
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0b: 'a vertical tab',
  0x0c: 'a form feed',
  0x0d: 'a carriage return',
  0x20: 'a space',
  0x85: 'a line break (U+0085 NEXT LINE)',
  0xa0: 'a no-break space (U+00A0)',
  0x1680: 'a space (U+1680 OGHAM SPACE MARK)',
  0x2028: 'a line break (U+2028 LINE SEPARATOR)',
  0x2029: 'a line break (U+2029 PARAGRAPH SEPARATOR)',
  0x202f: 'a narrow no-break space (U+202F)',
  0x205f: 'a space (U+205F MEDIUM MATHEMATICAL SPACE)',
  0x3000: 'an ideographic space (U+3000)',
};

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isWhitespace(codePoint: number): boolean {
  return codePoint in WHITESPACE_NAMES || (codePoint >= 0x2000 && codePoint <= 0x200a);
}

function isInvisible(codePoint: number): boolean {
  return (
    codePoint in INVISIBLE_NAMES ||
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    (codePoint >= 0xe0000 && codePoint <= 0xe007f) // tags
  );
}

/** "a space", "a tab", "an invisible character (U+200B ZERO WIDTH SPACE)", "“-”". */
export function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  if (isWhitespace(codePoint)) {
    return WHITESPACE_NAMES[codePoint] ?? `a space (${hex(codePoint)})`;
  }
  if (isInvisible(codePoint)) {
    const name = INVISIBLE_NAMES[codePoint];
    return `an invisible character (${hex(codePoint)}${name ? ` ${name}` : ''})`;
  }
  return `“${char}”`;
}

export type SecretNameIssue =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'whitespace' | 'invisible' | 'character'; char: string; position: number }
  | { kind: 'leading-digit' };

/** The first problem with a name, or null when the service accepts it. Positions count from 1, in characters. */
export function secretNameIssue(name: string): SecretNameIssue | null {
  if (name.length === 0) return { kind: 'empty' };
  const chars = Array.from(name);
  // Whitespace and invisible characters first: they are the ones nobody can see.
  for (const [index, char] of chars.entries()) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (isWhitespace(codePoint)) return { kind: 'whitespace', char, position: index + 1 };
    if (isInvisible(codePoint)) return { kind: 'invisible', char, position: index + 1 };
  }
  for (const [index, char] of chars.entries()) {
    if (!/^[A-Za-z0-9_]$/.test(char)) return { kind: 'character', char, position: index + 1 };
  }
  if (/^[0-9]/.test(name)) return { kind: 'leading-digit' };
  if (chars.length > SECRET_NAME_MAX_LENGTH) return { kind: 'too-long', length: chars.length };
  return null;
}

export function describeNameIssue(issue: SecretNameIssue): string {
  switch (issue.kind) {
    case 'empty':
      return 'Enter a name, e.g. STRIPE_API_KEY.';
    case 'too-long':
      return `A name has at most ${SECRET_NAME_MAX_LENGTH} characters; this one has ${issue.length}.`;
    case 'leading-digit':
      return 'A name must not start with a digit.';
    case 'whitespace':
    case 'invisible':
      return `Remove ${describeCharacter(issue.char)} at position ${issue.position}: a name has no spaces or invisible characters.`;
    case 'character':
      return `${describeCharacter(issue.char)} at position ${issue.position} is not allowed: use letters, digits and _.`;
  }
}

/** The message to show for a name, or null when it is valid. */
export function secretNameError(name: string): string | null {
  const issue = secretNameIssue(name);
  return issue ? describeNameIssue(issue) : null;
}

/**
 * The UPPER_SNAKE_CASE form of a name (`stripeKey`, `stripe-key`, `stripe key` → `STRIPE_KEY`),
 * offered as a one-click fix; null when the name already is in that form or cannot be made valid.
 */
export function upperSnakeSuggestion(name: string): string | null {
  const visible = Array.from(name)
    .filter((char) => !isInvisible(char.codePointAt(0) ?? 0))
    .join('')
    .trim();
  // Word boundaries of camelCase only where there is lower case: `E2E_KEY` has none to split.
  const suggestion = (/[a-z]/.test(visible) ? visible.replace(/([a-z0-9])([A-Z])/g, '$1_$2') : visible)
    .replace(/[\s\-.]+/g, '_')
    .replace(/_+/g, '_')
    .toUpperCase();
  if (suggestion === name || secretNameIssue(suggestion) !== null) return null;
  return suggestion;
}

/**
 * A pasted `KEY=value` line (optionally `export KEY=value`, as in a .env file): the name and the
 * value, or null when the text does not look like one. The value is kept exactly, except that a
 * value wrapped in matching quotes is unwrapped (as .env files write them) and the line break
 * that ends a copied line is dropped.
 */
export function splitKeyValue(text: string): { name: string; value: string } | null {
  const match = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=([\s\S]*)$/.exec(text);
  if (!match) return null;
  const name = match[1] ?? '';
  let value = (match[2] ?? '').replace(/\r?\n$/, '');
  const quoted = /^(["'])([\s\S]*)\1$/.exec(value);
  if (quoted) value = quoted[2] ?? '';
  return { name, value };
}

/** Leading or trailing whitespace (or a final line break) in a value: worth pointing out before saving. */
export function valueWhitespaceWarning(value: string): string | null {
  // The ends only (no copy of a large value): trim() removes exactly what \s matches.
  if (value.length === 0 || (!/\s/.test(value.charAt(0)) && !/\s/.test(value.charAt(value.length - 1)))) return null;
  const leading = value.length - value.trimStart().length;
  const trailing = value.length - value.trimEnd().length;
  if (value.trim() === '') return 'The value is only whitespace.';
  const parts: string[] = [];
  if (leading > 0) parts.push(`starts with ${describeRun(value.slice(0, leading))}`);
  if (trailing > 0) parts.push(`ends with ${describeRun(value.slice(value.length - trailing))}`);
  return `The value ${parts.join(' and ')}. It is saved exactly as typed.`;
}

/**
 * The UTF-8 size of `value`, counted without encoding it (no 1 MiB copy per keystroke), up to
 * just past `limit`: the result is exact when at most `limit`, else some number above it.
 */
function utf8BytesUpTo(value: string, limit = Infinity): number {
  if (value.length > limit) return value.length;
  // eslint-disable-next-line no-control-regex -- ASCII is one byte a character: no counting needed.
  if (!/[^\u0000-\u007f]/.test(value)) return value.length;
  let bytes = 0;
  for (let i = 0; i < value.length && bytes <= limit; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair (4 bytes) is two units of 2 bytes each here; a lone surrogate is 3 (U+FFFD).
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why a value cannot be sent (past the service's size limit), or null. */
export function valueSizeError(value: string): string | null {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most values need no counting.
  if (value.length * 3 <= MAX_VALUE_BYTES) return null;
  if (utf8BytesUpTo(value, MAX_VALUE_BYTES) <= MAX_VALUE_BYTES) return null;
  return `The value is ${utf8BytesUpTo(value).toLocaleString('en')} bytes of UTF-8; a value can be at most ${MAX_VALUE_BYTES.toLocaleString('en')} bytes (${+(MAX_VALUE_BYTES / 2 ** 20).toFixed(2)} MiB). Shorten it to save it.`;
}

function describeRun(run: string): string {
  if (/^\r?\n$/.test(run)) return 'a line break';
  if (/[\r\n]/.test(run)) return 'line breaks';
  if (run === ' ') return 'a space';
  if (/^ +$/.test(run)) return `${run.length} spaces`;
  if (run === '\t') return 'a tab';
  return 'whitespace';
}
