/**
 * The palette's ranking: match-sorter's fuzzy rankings (equal, starts with, word starts with,
 * contains, acronym, letters in order) over the labels and the items' keywords (an app's slug, an action's synonyms), at most
 * MAX_RESULTS. Fast on 10,000 keys: only the best MAX_RESULTS are ordered, and a query that extends
 * the previous one searches only the previous matches (every ranking implies "letters in order",
 * which a longer query can only lose).
 */
import { matchSorter, type RankedItem } from 'match-sorter';
import { searchWords, type PaletteItem } from './palette-model';

export const MAX_RESULTS = 50;

/** At an equal ranking: actions, then environments, apps, keys. */
const KIND_ORDER: Readonly<Record<PaletteItem['kind'], number>> = { action: 0, environment: 1, app: 2, key: 3 };

function compare(a: RankedItem<PaletteItem>, b: RankedItem<PaletteItem>): number {
  return (
    b.rank - a.rank ||
    KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind] ||
    a.keyIndex - b.keyIndex ||
    a.item.label.length - b.item.label.length ||
    (a.item.label < b.item.label ? -1 : a.item.label > b.item.label ? 1 : 0)
  );
}

/** The best `limit` of `ranked` in order, without sorting all of them. */
export function bestOf<T>(ranked: readonly T[], limit: number, order: (a: T, b: T) => number): T[] {
  const best: T[] = [];
  for (const entry of ranked) {
    if (best.length === limit && order(entry, best[limit - 1]!) >= 0) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && order(entry, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!;
      at -= 1;
    }
    best[at] = entry;
  }
  return best;
}

const NONE: string[] = [];
const KEYS = [(item: PaletteItem) => item.words ?? item.label, (item: PaletteItem) => (item.keywords ? [...item.keywords] : NONE)];

export interface PaletteSearch {
  (items: readonly PaletteItem[], query: string): PaletteItem[];
}

/** A ranking function that remembers its last query's matches, to narrow the next one. */
export function createPaletteSearch(limit: number = MAX_RESULTS): PaletteSearch {
  let last: { items: readonly PaletteItem[]; query: string; matches: PaletteItem[] } | null = null;
  return (items, typed) => {
    const query = searchWords(typed);
    const candidates = last && last.items === items && last.query !== '' && query.startsWith(last.query) ? last.matches : items;
    let matches: PaletteItem[] = [];
    const results = matchSorter(candidates, query, {
      keys: KEYS,
      keepDiacritics: true,
      sorter: (ranked) => {
        matches = ranked.map((entry) => entry.item);
        return bestOf(ranked, limit, compare);
      },
    });
    last = { items, query, matches };
    return results;
  };
}
