/**
 * The palette's ranking: fuzzysort's fuzzy scores (letters in order, word starts — after `_`, `-`,
 * spaces or a case change — and runs of letters count most) over the labels and the items' keywords
 * (an app's slug, an action's synonyms), at most MAX_RESULTS. The targets are prepared once per item
 * list, so a keystroke only scores: a few milliseconds over 10,000 keys.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import type { PaletteItem } from './palette-model';

export const MAX_RESULTS = 50;

/** At an equal score: actions, then environments, apps, keys. */
const KIND_ORDER: Readonly<Record<PaletteItem['kind'], number>> = { action: 0, environment: 1, app: 2, key: 3 };

interface Target {
  item: PaletteItem;
  label: Prepared;
  keywords: Prepared | undefined;
}

export interface PaletteIndex {
  search(query: string): PaletteItem[];
}

export function createPaletteIndex(items: readonly PaletteItem[], limit: number = MAX_RESULTS): PaletteIndex {
  const targets: Target[] = items.map((item) => ({
    item,
    label: fuzzysort.prepare(item.label),
    keywords: item.keywords && item.keywords.length > 0 ? fuzzysort.prepare(item.keywords.join(' ')) : undefined,
  }));
  return {
    search(query) {
      const results = fuzzysort.go(query, targets, { keys: ['label', 'keywords'], limit, threshold: 0 });
      return [...results]
        .sort((a, b) => b.score - a.score || KIND_ORDER[a.obj.item.kind] - KIND_ORDER[b.obj.item.kind])
        .map((result) => result.obj.item);
    },
  };
}
