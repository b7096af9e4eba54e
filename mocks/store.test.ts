// @vitest-environment node
import { PURPOSE_TYPES, VALUE_TYPE } from '../src/api/contract.ts';
import { seedInit } from './datasets.ts';
import { demoInit } from './demo-dataset.ts';
import { generateDataset } from './generated-dataset.ts';
import { PREVIEW_MASK, previewOf, secretNameProblem } from './secret-rules.ts';
import { AMBIGUOUS_APP_NAME, CANARY_KEYS, DEMO_APP_IDS, ENV_IDS, FIRST_APP_ID, GAPS_APP_ID, OTHER_PROVIDER, PROVIDERS } from './seed.ts';
import { FakeStore } from './store.ts';

const envIds = Object.values(ENV_IDS);

function fullValues(store: FakeStore, appId: string, envId: string): Map<string, string | undefined> {
  const rendered = store.rendered(appId, envId, 'Full');
  if (!rendered) throw new Error('no rendered secrets');
  return new Map(rendered.secrets.map((s) => [s.key, s.serializedValue]));
}

describe('previewOf', () => {
  it('masks short values entirely and long values after 2 characters, with a fixed-length mask', () => {
    expect(previewOf('')).toBe(PREVIEW_MASK);
    expect(previewOf('a')).toBe(PREVIEW_MASK);
    expect(previewOf('12345678901')).toBe(PREVIEW_MASK);
    expect(previewOf('123456789012')).toBe(`12${PREVIEW_MASK}`);
    expect(previewOf('x'.repeat(100_000))).toBe(`xx${PREVIEW_MASK}`);
  });

  it('counts characters, not UTF-16 units, and never splits an emoji', () => {
    expect(previewOf('🔑'.repeat(11))).toBe(PREVIEW_MASK); // 22 code units, 11 characters
    expect(previewOf('🔑'.repeat(12))).toBe(`🔑🔑${PREVIEW_MASK}`);
  });
});

describe('secretNameProblem', () => {
  it('accepts letters, digits and underscores not starting with a digit, up to 256 characters', () => {
    for (const name of ['A', 'STRIPE_API_KEY', '_PRIVATE', 'lower_case_9', 'X'.repeat(256)]) expect(secretNameProblem(name)).toBeNull();
    for (const name of ['', '9LIVES', 'HAS-DASH', 'HAS SPACE', 'É_ACCENT', 'X'.repeat(257)]) expect(secretNameProblem(name)).toMatch(/name/);
  });
});

describe('demo seed', () => {
  const store = new FakeStore(demoInit());

  it('has 3 apps and 4 labelled environments with stable ids', () => {
    expect(store.listApps().map((a) => a.id)).toEqual(Object.values(DEMO_APP_IDS));
    expect(store.listApps().map((a) => a.name)).toEqual(['payments-api', 'web-frontend', 'data-pipeline']);
    expect(store.listEnvironments()).toEqual([
      { id: 'env_dev', slug: 'development', name: 'development', label: 'Development' },
      { id: 'env_qa', slug: 'qa', name: 'qa', label: 'QA' },
      { id: 'env_staging', slug: 'staging', name: 'staging', label: 'Staging' },
      { id: 'env_prod', slug: 'production', name: 'production', label: 'Production' },
    ]);
  });

  it('gives every app 25+ secrets of every purpose type', () => {
    const snapshot = store.toJSON();
    for (const app of snapshot.apps) {
      expect(app.secrets?.length).toBeGreaterThanOrEqual(25);
      expect(new Set(app.secrets?.map((s) => s.purposeType))).toEqual(new Set(PURPOSE_TYPES));
    }
  });

  it('holds the edge cases the UI must show faithfully', () => {
    const prod = fullValues(store, FIRST_APP_ID, ENV_IDS.production);
    const dev = fullValues(store, FIRST_APP_ID, ENV_IDS.development);
    const key = prod.get('DEPLOY_SSH_KEY') ?? '';
    expect(key.startsWith('-----BEGIN OPENSSH PRIVATE KEY-----\n')).toBe(true);
    expect(key.endsWith('-----END OPENSSH PRIVATE KEY-----\n')).toBe(true);
    expect(key.split('\n').length).toBeGreaterThan(5);
    expect(prod.get('PADDED_VALUE')).toBe('  value with surrounding spaces  ');
    expect(prod.get('GREETING_MESSAGE')).toMatch(/ç.*支付.*🎉/u);
    expect(dev.get('EMPTY_VALUE')).toBe('');
    const rendered = store.rendered(FIRST_APP_ID, ENV_IDS.development, 'Full');
    const none = rendered?.secrets.filter((s) => s.valueType === VALUE_TYPE.none).map((s) => s.key);
    expect(none).toEqual(expect.arrayContaining(['LEGACY_API_TOKEN', 'PRODUCTION_ONLY_KEY', 'DEPLOY_SSH_KEY']));
    const descriptions = store.toJSON().apps[0]?.secrets?.map((s) => s.description ?? '') ?? [];
    expect(descriptions.some((d) => /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(d))).toBe(true);
  });

  it('is deterministic and has no ambiguous app names unless asked', () => {
    expect(new FakeStore(demoInit()).toJSON()).toEqual(store.toJSON());
    expect(store.findApp(AMBIGUOUS_APP_NAME, 'Name').status).toBe('not-found');
    const ambiguous = new FakeStore(demoInit({ ambiguousAppNames: true }));
    expect(ambiguous.findApp(AMBIGUOUS_APP_NAME, 'Name')).toEqual({ status: 'ambiguous', matches: 2 });
  });

  it('puts the canary value in 3 keys of every environment of the first app when asked', () => {
    const canary = 'CANARY-5d1e-f00d-LEAK-CHECK';
    const withCanary = new FakeStore(demoInit({ canary }));
    for (const envId of envIds) {
      const values = fullValues(withCanary, FIRST_APP_ID, envId);
      for (const key of CANARY_KEYS) expect(values.get(key)).toBe(canary);
    }
    expect(JSON.stringify(store.toJSON())).not.toContain('CANARY');
  });
});

describe('store', () => {
  let store: FakeStore;
  beforeEach(() => {
    store = new FakeStore(demoInit());
  });

  it('finds apps by id or by name, and reports ambiguous names', () => {
    expect(store.findApp('app_web', 'Identifier')).toEqual({ status: 'found', app: { id: 'app_web', name: 'web-frontend', slug: 'web-frontend' } });
    expect(store.findApp('web-frontend', 'Name')).toMatchObject({ status: 'found', app: { id: 'app_web' } });
    expect(store.findApp('web-frontend', 'Identifier')).toEqual({ status: 'not-found' });
    store.addApp({ id: 'app_web_2', name: 'web-frontend', slug: 'web-frontend-2' });
    expect(store.findApp('web-frontend', 'Name')).toEqual({ status: 'ambiguous', matches: 2 });
    expect(() => store.addApp({ id: 'app_web', name: 'x', slug: 'x' })).toThrow(/already exists/);
  });

  it('creates secrets without values, refuses duplicates with the existing id, and bumps every environment', () => {
    const before = envIds.map((envId) => store.revision(FIRST_APP_ID, envId));
    const created = store.createSecret(FIRST_APP_ID, { name: 'NEW_SECRET', purposeType: 'Other' });
    expect(created.status).toBe('created');
    if (created.status !== 'created') return;
    expect(created.secret.environmentScopedValues.map((v) => [v.environment.id, v.value])).toEqual(envIds.map((id) => [id, null]));
    envIds.forEach((envId, i) => {
      const after = store.revision(FIRST_APP_ID, envId);
      expect(after?.incrementalId).toBe((before[i]?.incrementalId ?? 0) + 1);
      expect(after?.secretDigest).not.toBe(before[i]?.secretDigest);
    });
    expect(store.createSecret(FIRST_APP_ID, { name: 'NEW_SECRET', purposeType: 'APIKey' })).toEqual({ status: 'exists', entityId: created.secret.id });
    expect(store.createSecret('app_missing', { name: 'X', purposeType: 'Other' })).toEqual({ status: 'not-found', what: 'app' });
  });

  it('sets values byte-for-byte and changes only that environment’s revision', () => {
    const secret = store.getSecretByName(FIRST_APP_ID, 'STRIPE_API_KEY');
    if (!secret) throw new Error('seed lacks STRIPE_API_KEY');
    const prodBefore = store.revision(FIRST_APP_ID, ENV_IDS.production);
    const devBefore = store.revision(FIRST_APP_ID, ENV_IDS.development);
    const text = ' \t line1\r\nline2 é (e\u0301) 🔐 ';
    expect(store.setValue(FIRST_APP_ID, secret.id, ENV_IDS.production, text).status).toBe('ok');
    expect(fullValues(store, FIRST_APP_ID, ENV_IDS.production).get('STRIPE_API_KEY')).toBe(text);
    expect(store.revision(FIRST_APP_ID, ENV_IDS.production)?.secretDigest).not.toBe(prodBefore?.secretDigest);
    expect(store.revision(FIRST_APP_ID, ENV_IDS.development)).toEqual(devBefore);
    expect(store.setValue(FIRST_APP_ID, secret.id, 'env_nope', 'x')).toEqual({ status: 'not-found', what: 'environment' });
    expect(store.setValue(FIRST_APP_ID, 'sec_nope', ENV_IDS.production, 'x')).toEqual({ status: 'not-found', what: 'secret' });
    expect(store.setValue('app_nope', secret.id, ENV_IDS.production, 'x')).toEqual({ status: 'not-found', what: 'app' });
  });

  it('renders sorted by key, filters by name, and masks in PreviewOnly', () => {
    const full = store.rendered(FIRST_APP_ID, ENV_IDS.production, 'Full');
    const keys = full?.secrets.map((s) => s.key) ?? [];
    expect(keys).toEqual([...keys].sort());
    const filtered = store.rendered(FIRST_APP_ID, ENV_IDS.production, 'PreviewOnly', ['STRIPE_API_KEY', 'DATABASE_URL', 'UNKNOWN']);
    expect(filtered?.secrets.map((s) => s.key)).toEqual(['DATABASE_URL', 'STRIPE_API_KEY']);
    for (const s of filtered?.secrets ?? []) expect(s.serializedValue).toMatch(new RegExp(`^.{2}${PREVIEW_MASK}$`, 'u'));
  });

  it('survives a JSON round trip (values, revisions, id counter) and rejects broken snapshots', () => {
    const created = store.createSecret(FIRST_APP_ID, { name: 'ROUND_TRIP', purposeType: 'SSHKey' });
    if (created.status !== 'created') throw new Error('create failed');
    store.setValue(FIRST_APP_ID, created.secret.id, ENV_IDS.qa, 'multi\nline\tvalue 🙂');
    const restored = FakeStore.fromJSON(JSON.stringify(store));
    for (const envId of envIds) expect(restored.rendered(FIRST_APP_ID, envId, 'Full')).toEqual(store.rendered(FIRST_APP_ID, envId, 'Full'));
    const next = restored.createSecret(FIRST_APP_ID, { name: 'AFTER_RESTORE', purposeType: 'Other' });
    expect(next.status === 'created' && next.secret.id).not.toBe(created.secret.id);
    expect(() => FakeStore.fromJSON('{"version":1}')).toThrow();
    expect(() => FakeStore.fromJSON('not json')).toThrow();
  });

  it('lists the seeded providers, keeps them through a JSON round trip, and loads an older snapshot with none', () => {
    expect(store.listProviders()).toEqual(PROVIDERS);
    expect(store.getProvider(OTHER_PROVIDER.id)).toEqual({ id: 'prv_other', name: 'Other', slug: 'other' });
    expect(store.getProvider('prv_nope')).toBeUndefined();
    expect(FakeStore.fromJSON(JSON.stringify(store)).listProviders()).toEqual(PROVIDERS);
    const { providers: _providers, ...older } = store.toJSON();
    expect(FakeStore.fromJSON(older).listProviders()).toEqual([]);
    expect(new FakeStore(generateDataset({ secrets: 1, envs: 1, apps: 1 })).listProviders()).toEqual(PROVIDERS);
  });

  it('tells subscribers about every mutation', () => {
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.createSecret(FIRST_APP_ID, { name: 'NOTIFY', purposeType: 'Other' });
    const id = store.getSecretByName(FIRST_APP_ID, 'NOTIFY')?.id ?? '';
    store.setValue(FIRST_APP_ID, id, ENV_IDS.development, 'v');
    store.load(seedInit());
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    store.createSecret(FIRST_APP_ID, { name: 'SILENT', purposeType: 'Other' });
    expect(listener).toHaveBeenCalledTimes(3);
  });
});

describe('generateDataset', () => {
  it('builds 10,000 secrets × 12 environments × 300 apps', () => {
    const store = new FakeStore(generateDataset({ secrets: 10_000, envs: 12, apps: 300, seed: 7 }));
    expect(store.listEnvironments()).toHaveLength(12);
    expect(new Set(store.listEnvironments().map((e) => e.id)).size).toBe(12);
    expect(store.listApps()).toHaveLength(300);
    expect(new Set(store.listApps().map((a) => a.name)).size).toBe(300);
    expect(store.countSecrets(FIRST_APP_ID)).toBe(10_000);

    const envId = store.listEnvironments()[11]?.id ?? '';
    const full = store.rendered(FIRST_APP_ID, envId, 'Full');
    const preview = store.rendered(FIRST_APP_ID, envId, 'PreviewOnly');
    expect(full?.secrets).toHaveLength(10_000);
    expect(preview?.secrets).toHaveLength(10_000);
    const names = full?.secrets.map((s) => s.key) ?? [];
    expect(new Set(names).size).toBe(10_000);
    expect(names.filter((name) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(name))).toEqual([]);
    const present = full?.secrets.filter((s) => s.valueType === VALUE_TYPE.string).length ?? 0;
    expect(present).toBeGreaterThan(8_000);
    expect(present).toBeLessThan(10_000);
  });

  it('builds the same data from the same seed, other data from another', () => {
    const build = (seed: number) => new FakeStore(generateDataset({ secrets: 500, envs: 4, apps: 5, seed }));
    const envId = build(7).listEnvironments()[3]?.id ?? '';
    const full = build(7).rendered(FIRST_APP_ID, envId, 'Full');
    expect(full?.secrets).toHaveLength(500);
    expect(build(7).rendered(FIRST_APP_ID, envId, 'Full')).toEqual(full);
    expect(build(8).rendered(FIRST_APP_ID, envId, 'Full')?.secrets.slice(0, 20)).not.toEqual(full?.secrets.slice(0, 20));
  });

  it('gives the other apps 20–30 secrets, built lazily and identically whatever the order of use', () => {
    const a = new FakeStore(generateDataset({ secrets: 100, envs: 4, apps: 10, seed: 3 }));
    const b = new FakeStore(generateDataset({ secrets: 100, envs: 4, apps: 10, seed: 3 }));
    const ids = a.listApps().map((app) => app.id);
    for (const id of ids.slice(1)) expect(a.countSecrets(id)).toBeGreaterThanOrEqual(20);
    for (const id of ids.slice(1)) expect(a.countSecrets(id)).toBeLessThanOrEqual(30);
    for (const id of [...ids].reverse()) b.countSecrets(id);
    expect(b.toJSON()).toEqual(a.toJSON());
  });

  it('with gapsApp, adds an app whose values are missing in some environments and equal production’s in some, from the seed', () => {
    const build = () => new FakeStore(generateDataset({ secrets: 400, envs: 4, apps: 3, seed: 5, gapsApp: true }));
    const store = build();
    expect(store.listApps().map((app) => app.id)).toEqual([FIRST_APP_ID, 'app_0002', 'app_0003', GAPS_APP_ID]);
    expect(store.countSecrets(GAPS_APP_ID)).toBe(400);
    const production = fullValues(store, GAPS_APP_ID, ENV_IDS.production);
    for (const envId of [ENV_IDS.development, ENV_IDS.qa, ENV_IDS.staging]) {
      const values = [...fullValues(store, GAPS_APP_ID, envId)];
      const missing = values.filter(([, value]) => value === undefined).length;
      const same = values.filter(([key, value]) => value !== undefined && value === production.get(key)).length;
      expect(missing).toBeGreaterThan(20);
      expect(missing).toBeLessThan(100);
      expect(same).toBeGreaterThan(50);
      expect(same).toBeLessThan(200);
    }
    expect([...production.values()].filter((value) => value === undefined).length).toBeLessThan(50);
    expect(build().rendered(GAPS_APP_ID, ENV_IDS.qa, 'Full')).toEqual(store.rendered(GAPS_APP_ID, ENV_IDS.qa, 'Full'));
    // The other apps keep their data.
    const without = new FakeStore(generateDataset({ secrets: 400, envs: 4, apps: 3, seed: 5 }));
    expect(without.rendered(FIRST_APP_ID, ENV_IDS.qa, 'Full')).toEqual(store.rendered(FIRST_APP_ID, ENV_IDS.qa, 'Full'));
  });

  it('keeps exactly N secrets in the first app when canaries are added', () => {
    const canary = 'CANARY-generated-7f3a9';
    const store = new FakeStore(generateDataset({ secrets: 50, envs: 3, apps: 2, canary }));
    expect(store.countSecrets(FIRST_APP_ID)).toBe(50);
    for (const env of store.listEnvironments()) {
      const values = fullValues(store, FIRST_APP_ID, env.id);
      expect(CANARY_KEYS.map((key) => values.get(key))).toEqual([canary, canary, canary]);
    }
  });
});
