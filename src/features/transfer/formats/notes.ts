import type { EntryNote } from './types';

/** The notes any format gives a string value: empty, or whitespace at either end. */
export function valueNotes(value: string): EntryNote[] {
  if (value === '') return [{ kind: 'empty', message: 'The value is empty' }];
  if (/^\s|\s$/.test(value)) return [{ kind: 'whitespace', message: 'The value starts or ends with whitespace' }];
  return [];
}

/** A string that UTF-8 cannot store as it is (a lone UTF-16 surrogate): a saved file would change it. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** A key as a message names it; text that does not look like a name (it may be a misplaced value) is not repeated. */
export function keyForMessage(key: string): string {
  return /^[\w.-]{1,100}$/.test(key) ? key : 'a key';
}
