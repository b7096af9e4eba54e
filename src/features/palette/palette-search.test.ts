// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { actionItems, appItem, keyItems, type PaletteItem } from './palette-model';
import { bestOf, createPaletteSearch, MAX_RESULTS } from './palette-search';

const place = { appId: 'app_1', appName: 'payments', envSlug: 'production', envName: 'Production' };
const keys = (...names: string[]) => keyItems(place, names.map((key, i) => ({ key, secretId: `sec_${i}` })));
const labels = (items: readonly PaletteItem[]) => items.map((item) => item.label);

describe('palette ranking', () => {
  it('puts an exact match, then starts-with, word-starts-with (after _ too), contains, acronym and letters in order', () => {
    const items = keys('XDBX', 'DB_URL', 'DB', 'OLD_DB', 'D_B_X', 'MY_DATA_BASE');
    expect(labels(createPaletteSearch()(items, 'db'))).toEqual(['DB', 'DB_URL', 'OLD_DB', 'XDBX', 'D_B_X', 'MY_DATA_BASE']);
  });

  it('finds apps by their slug, actions by their synonyms, and lists actions before keys at an equal ranking', () => {
    const app = appItem({ id: 'app_9', name: 'Billing service', slug: 'billing-svc' });
    const actions = actionItems({ page: 'environment', appId: 'app_1', canWrite: true, presenting: false, offered: new Set(['export']), nextTheme: 'dark' });
    const items = [...keys('EXPORT'), app, ...actions];
    const search = createPaletteSearch();
    expect(labels(search(items, 'svc'))).toEqual(['Billing service']);
    expect(labels(search(items, 'download'))).toEqual(['Export']);
    expect(labels(search(items, 'export')).slice(0, 2)).toEqual(['Export', 'EXPORT']);
  });

  it('shows at most 50, the best ones', () => {
    const items = keys(...Array.from({ length: 10_000 }, (_, i) => `KEY_${i}`), 'K');
    const results = createPaletteSearch()(items, 'k');
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results[0]!.label).toBe('K');
  });

  it('narrowing from the last query finds what a fresh search finds', () => {
    const name = fc.stringMatching(/^[A-Z_]{1,10}$/);
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 80 }), fc.string({ unit: fc.constantFrom('A', 'B', '_', 'E'), maxLength: 4 }), (names, typed) => {
        const items = keys(...names);
        const narrowing = createPaletteSearch(5);
        for (let length = 1; length <= typed.length; length++) {
          const query = typed.slice(0, length);
          expect(labels(narrowing(items, query))).toEqual(labels(createPaletteSearch(5)(items, query)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('bestOf is sort-then-slice', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: 1, max: 10 }), (numbers, limit) => {
        expect(bestOf(numbers, limit, (a, b) => a - b)).toEqual([...numbers].sort((a, b) => a - b).slice(0, limit));
      }),
    );
  });
});
