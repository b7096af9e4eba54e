// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { PageCommandId } from '@/lib/page-commands';
import { actionItems, keyItems, type ActionContext, type PaletteActionId } from './palette-model';
import { apiClient } from '@/api/client';
import { paletteMemory } from './recents';

const EVERYTHING: PageCommandId[] = ['new-secret', 'import', 'export', 'use-locally', 'reveal-all', 'settings'];
const context = (patch: Partial<ActionContext>): ActionContext => ({
  page: 'environment',
  appId: 'app_1',
  canWrite: false,
  presenting: false,
  offered: new Set(EVERYTHING),
  nextTheme: 'dark',
  ...patch,
});
const ids = (patch: Partial<ActionContext>): PaletteActionId[] => actionItems(context(patch)).map((item) => (item.kind === 'action' ? item.action : 'apps'));

describe('which actions apply', () => {
  it('a read token: no New secret and no Import, even where the page shows them', () => {
    expect(ids({ canWrite: false })).toEqual(['reveal-all', 'export', 'use-locally', 'overview', 'apps', 'presentation', 'theme', 'settings', 'shortcuts', 'sign-out']);
  });

  it('a write token: New secret and Import too', () => {
    expect(ids({ canWrite: true })).toEqual(expect.arrayContaining(['new-secret', 'import']));
  });

  it('only what the page offers: on the apps page, no page actions, no Overview, no All apps', () => {
    expect(ids({ page: 'apps', appId: undefined, canWrite: true, offered: new Set(['settings']) })).toEqual(['presentation', 'theme', 'settings', 'shortcuts', 'sign-out']);
  });

  it('Reveal all not while presenting; Hide all when offered; Overview not on the overview', () => {
    expect(ids({ presenting: true })).not.toContain('reveal-all');
    expect(ids({ offered: new Set(['hide-all']) })).toContain('hide-all');
    expect(ids({ page: 'overview' })).not.toContain('overview');
    expect(actionItems(context({ presenting: true })).map((item) => item.label)).toContain('Presentation mode: turn off');
  });
});

describe('key items', () => {
  it('carry names and ids only, never a value', () => {
    const secret = { key: 'API_KEY', secretId: 'sec_1', serializedValue: 'CANARY-preview' };
    const items = keyItems({ appId: 'app_1', appName: 'payments', envSlug: 'prod', envName: 'Production' }, [secret]);
    expect(items).toEqual([{ kind: 'key', id: 'key:app_1/prod/API_KEY', label: 'API_KEY', detail: 'Key in payments / Production', appId: 'app_1', envSlug: 'prod', secretId: 'sec_1' }]);
    expect(JSON.stringify(items)).not.toContain('CANARY');
  });
});

describe('the palette memory', () => {
  it('keeps the last 8 choices, newest first without repeats, until the session ends', () => {
    const items = keyItems({ appId: 'a', appName: 'a', envSlug: 'e', envName: 'E' }, Array.from({ length: 10 }, (_, i) => ({ key: `K${i}`, secretId: `s${i}` })));
    for (const item of items) paletteMemory.remember(item);
    paletteMemory.remember(items[5]!);
    expect(paletteMemory.recent().map((item) => item.label)).toEqual(['K5', 'K9', 'K8', 'K7', 'K6', 'K4', 'K3', 'K2']);
    apiClient.setSession({ baseUrl: '/api', readToken: 'demo-token' });
    expect(paletteMemory.recent()).toHaveLength(8);
    apiClient.setSession(null);
    expect(paletteMemory.recent()).toEqual([]);
  });
});
