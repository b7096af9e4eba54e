// @vitest-environment node
// The rendered secrets of an environment: modes, masking, filters, ETag and revisions.
import { renderedSecretsResponseSchema, setValueBody, VALUE_TYPE } from '../src/api/contract.ts';
import { APP, expectError, PROD, renderedPath, useFakeServer } from './handlers-fixture.ts';
import { PREVIEW_MASK } from './secret-rules.ts';
import { ENV_IDS } from './seed.ts';

const { fake, call, secretId, rendered, putValue } = useFakeServer();

describe('GET /apps/:appId/secrets/rendered', () => {
  it('validates environment and mode, and 404s an unknown app', async () => {
    await expectError(await call(renderedPath, { query: { mode: 'Full' } }), 400, /environment/);
    await expectError(await call(renderedPath, { query: { environment: PROD } }), 400, /mode/);
    await expectError(await call(renderedPath, { query: { environment: PROD, mode: 'full' } }), 400, /mode/);
    await expectError(await call(renderedPath, { query: { environment: 'env_nope', mode: 'Full' } }), 400, /environment/);
    await expectError(await call('/apps/app_nope/secrets/rendered', { query: { environment: PROD, mode: 'Full' } }), 404);
  });

  it('returns every secret in Full mode, sorted by key, None without serializedValue', async () => {
    const body = await rendered(ENV_IDS.development, 'Full');
    expect(body.secrets).toHaveLength(fake.store.countSecrets(APP));
    const keys = body.secrets.map((s) => s.key);
    expect(keys).toEqual([...keys].sort());
    const legacy = body.secrets.find((s) => s.key === 'LEGACY_API_TOKEN');
    expect(legacy).toEqual({ key: 'LEGACY_API_TOKEN', secretId: secretId('LEGACY_API_TOKEN'), valueType: VALUE_TYPE.none });
    expect(body.secrets.find((s) => s.key === 'PADDED_VALUE')?.serializedValue).toBe('  value with surrounding spaces  ');
    expect(body.secrets.find((s) => s.key === 'EMPTY_VALUE')).toMatchObject({ valueType: VALUE_TYPE.string, serializedValue: '' });
    expect(body.changelogId).toEqual(expect.any(String));
  });

  it('masks every value in PreviewOnly mode without leaking it or its length', async () => {
    const full = await rendered(PROD, 'Full');
    const response = await call(renderedPath, { query: { environment: PROD, mode: 'PreviewOnly' } });
    const text = await response.text();
    const preview = renderedSecretsResponseSchema.parse(JSON.parse(text));
    expect(preview.secrets.map((s) => [s.key, s.valueType])).toEqual(full.secrets.map((s) => [s.key, s.valueType]));
    for (const secret of full.secrets) {
      const value = secret.serializedValue;
      if (value === undefined) continue;
      if (value.length >= 12) expect(text).not.toContain(JSON.stringify(value).slice(1, -1));
      const masked = preview.secrets.find((s) => s.key === secret.key)?.serializedValue;
      const characters = Array.from(value);
      expect(masked).toBe(characters.length >= 12 ? `${characters.slice(0, 2).join('')}${PREVIEW_MASK}` : PREVIEW_MASK);
    }

    const short = secretId('SHORT_PIN');
    const long = secretId('STRIPE_API_KEY');
    await putValue(short, PROD, setValueBody('a'));
    await putValue(long, PROD, setValueBody('b'.repeat(11)));
    const tiny = await rendered(PROD, 'PreviewOnly', ['SHORT_PIN', 'STRIPE_API_KEY']);
    expect(tiny.secrets.map((s) => s.serializedValue)).toEqual([PREVIEW_MASK, PREVIEW_MASK]);
    await putValue(short, PROD, setValueBody('c'.repeat(12)));
    await putValue(long, PROD, setValueBody('d'.repeat(60_000)));
    const masks = (await rendered(PROD, 'PreviewOnly', ['SHORT_PIN', 'STRIPE_API_KEY'])).secrets.map((s) => s.serializedValue ?? '');
    expect(masks).toEqual([`cc${PREVIEW_MASK}`, `dd${PREVIEW_MASK}`]);
    expect(masks[0]?.length).toBe(masks[1]?.length);
  });

  it('filters by repeated secret-name-filter parameters', async () => {
    const body = await rendered(PROD, 'Full', ['STRIPE_API_KEY', 'DATABASE_URL', 'NOT_A_SECRET', 'STRIPE_API_KEY']);
    expect(body.secrets.map((s) => s.key)).toEqual(['DATABASE_URL', 'STRIPE_API_KEY']);
  });

  it('sends an ETag and answers 304 to If-None-Match while nothing changed', async () => {
    const query = { environment: PROD, mode: 'PreviewOnly' };
    const first = await call(renderedPath, { query });
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('Cache-Control')).toBe('no-store');

    const again = await call(renderedPath, { query, headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('no-store');
    expect(await again.text()).toBe('');
    expect((await call(renderedPath, { query, headers: { 'If-None-Match': `"other", W/${etag ?? ''}` } })).status).toBe(304);
    expect((await call(renderedPath, { query, headers: { 'If-None-Match': '"other"' } })).status).toBe(200);

    const full = await call(renderedPath, { query: { ...query, mode: 'Full' } });
    const filtered = await call(renderedPath, { query: { ...query, 'secret-name-filter': 'DATABASE_URL' } });
    expect(new Set([etag, full.headers.get('ETag'), filtered.headers.get('ETag')]).size).toBe(3);

    // A write in another environment leaves this one unchanged.
    await putValue(secretId('STRIPE_API_KEY'), ENV_IDS.qa, setValueBody('qa only'));
    expect((await call(renderedPath, { query, headers: { 'If-None-Match': etag ?? '' } })).status).toBe(304);
    // A write here changes it.
    await putValue(secretId('STRIPE_API_KEY'), PROD, setValueBody('prod change'));
    const changed = await call(renderedPath, { query, headers: { 'If-None-Match': etag ?? '' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('changes secretDigest and incrementalId on every write to the environment, and on create in all', async () => {
    const before = await rendered(PROD, 'PreviewOnly');
    const devBefore = await rendered(ENV_IDS.development, 'PreviewOnly');
    await putValue(secretId('DATABASE_URL'), PROD, setValueBody('postgres://changed'));
    const after = await rendered(PROD, 'PreviewOnly');
    expect(after.secretDigest).not.toBe(before.secretDigest);
    expect(after.incrementalId).toBeGreaterThan(before.incrementalId);
    expect(after.changelogId).not.toBe(before.changelogId);
    const devSame = await rendered(ENV_IDS.development, 'PreviewOnly');
    expect([devSame.secretDigest, devSame.incrementalId]).toEqual([devBefore.secretDigest, devBefore.incrementalId]);

    await call(`/apps/${APP}/secrets`, { body: { name: 'BRAND_NEW', purposeType: 'Other', environmentScopedValues: [] } });
    const devAfterCreate = await rendered(ENV_IDS.development, 'PreviewOnly');
    expect(devAfterCreate.secretDigest).not.toBe(devBefore.secretDigest);
    expect(devAfterCreate.incrementalId).toBe(devBefore.incrementalId + 1);
  });
});
