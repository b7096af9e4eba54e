// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { actionItems, appItem, keyItems, type PaletteItem } from './palette-model';
import { createPaletteIndex, MAX_RESULTS } from './palette-search';

const place = { appId: 'app_1', appName: 'payments', envSlug: 'production', envName: 'Production' };
const keys = (...names: string[]) => keyItems(place, names.map((key, i) => ({ key, secretId: `sec_${i}` })));
const labels = (items: readonly PaletteItem[]) => items.map((item) => item.label);
const search = (items: readonly PaletteItem[], query: string) => labels(createPaletteIndex(items).search(query));

describe('palette ranking', () => {
  it('puts an exact match first, then a start, then a word start (after _ too), then letters in order; what lacks a letter is left out', () => {
    const found = search(keys('XDBX', 'DB_URL', 'DB', 'OLD_DB', 'MY_DATA_BASE', 'REDIS'), 'db');
    expect(found.slice(0, 2)).toEqual(['DB', 'DB_URL']);
    expect(found.indexOf('OLD_DB')).toBeLessThan(found.indexOf('XDBX'));
    expect(found).toContain('MY_DATA_BASE');
    expect(found).not.toContain('REDIS');
    expect(search(keys('DATABASE_URL', 'STRIPE_KEY'), 'url')).toEqual(['DATABASE_URL']);
  });

  it('finds apps by their slug, actions by their synonyms, and lists an action before a key of the same name', () => {
    const app = appItem({ id: 'app_9', name: 'Billing service', slug: 'billing-svc' });
    const actions = actionItems({ page: 'environment', appId: 'app_1', canWrite: true, presenting: false, offered: new Set(['export']), nextTheme: 'dark' });
    const items = [...keys('EXPORT'), app, ...actions];
    expect(search(items, 'svc')).toEqual(['Billing service']);
    expect(search(items, 'download')).toEqual(['Export']);
    expect(search(items, 'export').slice(0, 2)).toEqual(['Export', 'EXPORT']);
  });

  it('shows at most 50, the best ones', () => {
    const items = keys(...Array.from({ length: 10_000 }, (_, i) => `KEY_${i}`), 'K');
    const results = search(items, 'k');
    expect(results).toHaveLength(MAX_RESULTS);
    expect(results[0]).toBe('K');
  });
});
