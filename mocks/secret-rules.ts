/**
 * Rules the fake applies to secrets, shared by the store, the handlers and the seed: which names
 * are valid, how PreviewOnly masks a value, and how a name becomes a slug.
 */
export const SECRET_NAME_MAX_LENGTH = 256;
const SECRET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` is not a valid secret name, or null when it is. */
export function secretNameProblem(name: string): string | null {
  if (name.length > SECRET_NAME_MAX_LENGTH) return `name must be at most ${SECRET_NAME_MAX_LENGTH} characters`;
  if (!SECRET_NAME_PATTERN.test(name)) {
    return 'name must contain only letters, digits and "_", and must not start with a digit';
  }
  return null;
}

/** PreviewOnly mask: always the same length, whatever the value's length. */
export const PREVIEW_MASK = '••••••••';
/** A value shows its first PREVIEW_PREFIX_CHARS characters only when it has at least this many. */
export const PREVIEW_PREFIX_MIN_CHARS = 12;
export const PREVIEW_PREFIX_CHARS = 2;

/** The masked form of a value: `PREVIEW_MASK`, prefixed by 2 characters when the value is long. */
export function previewOf(value: string): string {
  let prefix = '';
  let count = 0;
  for (const char of value) {
    if (count < PREVIEW_PREFIX_CHARS) prefix += char;
    count++;
    if (count >= PREVIEW_PREFIX_MIN_CHARS) return prefix + PREVIEW_MASK;
  }
  return PREVIEW_MASK;
}

export function slugify(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}
