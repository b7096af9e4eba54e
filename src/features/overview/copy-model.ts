import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';

/**
 * Copying values between environments, without React: what a copy would do to each selected key,
 * worked out from the two environments' clear values and kept only as categories (never a value).
 */

/** `new`: no value in the target; `replace`: a different one; `same` and `missing-source` are skipped. */
export type CopyCategory = 'new' | 'replace' | 'same' | 'missing-source';

export const COPY_CATEGORIES: readonly CopyCategory[] = ['new', 'replace', 'same', 'missing-source'];

/** A selected key as the overview knows it. */
export interface CopyKey {
  key: string;
  secretId: string;
}

export interface CopyPreviewItem extends CopyKey {
  category: CopyCategory;
}

export interface CopyPreview {
  /** In the order of the selected keys. */
  items: readonly CopyPreviewItem[];
  counts: Readonly<Record<CopyCategory, number>>;
}

function valueOf(secret: RenderedSecret | undefined): string | undefined {
  return secret && secret.valueType !== VALUE_TYPE.none ? (secret.serializedValue ?? '') : undefined;
}

/**
 * Each key's category from the source's and the target's Full lists. Values are compared here and
 * not kept: the result holds keys and categories only, so the lists can be dropped at once.
 */
export function foldCopyPreview(keys: readonly CopyKey[], source: readonly RenderedSecret[], target: readonly RenderedSecret[]): CopyPreview {
  const wanted = new Set(keys.map((k) => k.key));
  const sourceByKey = new Map<string, RenderedSecret>();
  for (const secret of source) if (wanted.has(secret.key)) sourceByKey.set(secret.key, secret);
  const targetByKey = new Map<string, RenderedSecret>();
  for (const secret of target) if (wanted.has(secret.key)) targetByKey.set(secret.key, secret);
  const counts: Record<CopyCategory, number> = { new: 0, replace: 0, same: 0, 'missing-source': 0 };
  const items = keys.map(({ key, secretId }): CopyPreviewItem => {
    const from = valueOf(sourceByKey.get(key));
    const to = valueOf(targetByKey.get(key));
    const category: CopyCategory = from === undefined ? 'missing-source' : to === undefined ? 'new' : from === to ? 'same' : 'replace';
    counts[category]++;
    return { key, secretId, category };
  });
  return { items, counts };
}

/** The keys a copy writes: new in the target, or replacing a different value. */
export function keysToWrite(preview: CopyPreview): CopyPreviewItem[] {
  return preview.items.filter((item) => item.category === 'new' || item.category === 'replace');
}

/** The source's values of `keys`, from a Full list read at apply time (held only while the writes run). */
export function valuesOf(keys: readonly string[], source: readonly RenderedSecret[]): Map<string, string> {
  const wanted = new Set(keys);
  const values = new Map<string, string>();
  for (const secret of source) {
    const value = wanted.has(secret.key) ? valueOf(secret) : undefined;
    if (value !== undefined) values.set(secret.key, value);
  }
  return values;
}
