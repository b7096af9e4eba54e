// @vitest-environment node
import {
  apiErrorBodySchema,
  appSchema,
  appsResponseSchema,
  environmentsResponseSchema,
  renderedSecretsResponseSchema,
  secretEntitySchema,
  setValueBody,
  VALUE_TYPE,
  type RenderedSecretsResponse,
} from '../src/api/contract.ts';
import { FAKE_TOKENS, MAX_VALUE_BYTES } from './handlers.ts';
import { createFakeServer } from './node.ts';
import { AMBIGUOUS_APP_NAME, ENV_IDS, FIRST_APP_ID } from './seed.ts';
import { PREVIEW_MASK } from './store.ts';
import { createTestClient } from './test-client.ts';

const fake = createFakeServer();
const call = createTestClient(fake.baseUrl);

beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.reset());
afterAll(() => fake.server.close());

const APP = FIRST_APP_ID;
const PROD = ENV_IDS.production;

async function expectError(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  const body = apiErrorBodySchema.parse(await response.json());
  expect(body.requestId).toMatch(/^req_[0-9a-f]{16}$/);
  expect(body.error).toEqual(expect.any(String));
  expect(body.message).toEqual(expect.any(String));
  if (message) expect(body.message).toMatch(message);
  return body;
}

function secretId(name: string): string {
  const id = fake.store.getSecretByName(APP, name)?.id;
  if (!id) throw new Error(`no secret ${name}`);
  return id;
}

const renderedPath = `/apps/${APP}/secrets/rendered`;

async function rendered(envId: string, mode: 'Full' | 'PreviewOnly', names?: string[], token?: string): Promise<RenderedSecretsResponse> {
  const response = await call(renderedPath, {
    token,
    query: { environment: envId, mode, ...(names ? { 'secret-name-filter': names } : {}) },
  });
  expect(response.status).toBe(200);
  return renderedSecretsResponseSchema.parse(await response.json());
}

async function fullValue(envId: string, name: string): Promise<string | undefined> {
  const body = await rendered(envId, 'Full', [name]);
  return body.secrets.find((s) => s.key === name)?.serializedValue;
}

const putValue = (secret: string, envId: string, body: unknown, token?: string) =>
  call(`/apps/${APP}/secrets/${secret}/environments/${envId}/value`, { method: 'PUT', body, token });

describe('auth', () => {
  it('answers 401 with the error body when the token is missing, unknown or not a Bearer', async () => {
    const missing = await expectError(await call('/environments', { token: null }), 401, /token/i);
    const invalid = await expectError(await call('/environments', { token: 'nope' }), 401);
    expect(invalid.requestId).not.toBe(missing.requestId);
    await expectError(await call('/environments', { token: null, headers: { Authorization: `Basic ${FAKE_TOKENS.readWrite}` } }), 401);
    await expectError(await call(renderedPath, { token: null, query: { environment: PROD, mode: 'Full' } }), 401);
  });

  it('lets a write-only token list environments and apps and look apps up, but not read secrets', async () => {
    const token = FAKE_TOKENS.write;
    expect((await call('/environments', { token })).status).toBe(200);
    expect((await call('/apps', { token })).status).toBe(200);
    expect((await call('/apps/payments-api', { token, query: { identifierType: 'Name' } })).status).toBe(200);
    await expectError(await call(renderedPath, { token, query: { environment: PROD, mode: 'PreviewOnly' } }), 403, /Read/);
    await expectError(await call(`/apps/${APP}/secrets/${secretId('STRIPE_API_KEY')}`, { token }), 403);
    expect((await call(`/apps/${APP}/secrets`, { token, body: { name: 'W_ONLY', purposeType: 'Other', environmentScopedValues: [] } })).status).toBe(201);
  });

  it('lets a read-only token read but not create secrets or set values', async () => {
    const token = FAKE_TOKENS.read;
    await rendered(PROD, 'Full', undefined, token);
    await expectError(await call(`/apps/${APP}/secrets`, { token, body: { name: 'R_ONLY', purposeType: 'Other', environmentScopedValues: [] } }), 403, /Write/);
    await expectError(await putValue(secretId('STRIPE_API_KEY'), PROD, setValueBody('x'), token), 403);
    expect(fake.store.getSecretByName(APP, 'R_ONLY')).toBeUndefined();
  });
});

describe('GET /environments', () => {
  it('lists the environments, with limit/after/before', async () => {
    const all = environmentsResponseSchema.parse(await (await call('/environments')).json()).environments;
    expect(all.map((e) => e.id)).toEqual(Object.values(ENV_IDS));
    expect(all.find((e) => e.id === PROD)?.label).toBe('Production');
    const page = async (query: Record<string, string>) =>
      environmentsResponseSchema.parse(await (await call('/environments', { query })).json()).environments.map((e) => e.id);
    expect(await page({ limit: '2' })).toEqual(['env_dev', 'env_qa']);
    expect(await page({ after: 'env_dev', limit: '1' })).toEqual(['env_qa']);
    expect(await page({ before: 'env_prod' })).toEqual(['env_dev', 'env_qa', 'env_staging']);
    expect(await page({ before: 'env_prod', limit: '1' })).toEqual(['env_staging']);
    await expectError(await call('/environments', { query: { limit: '0' } }), 400, /limit/);
    await expectError(await call('/environments', { query: { after: 'env_nope' } }), 400, /after/);
  });
});

describe('apps', () => {
  it('lists apps, and answers 404 when the listing is switched off', async () => {
    const { apps } = appsResponseSchema.parse(await (await call('/apps')).json());
    expect(apps.map((a) => a.name)).toEqual(['payments-api', 'web-frontend', 'data-pipeline']);
    fake.settings.appsListing = false;
    await expectError(await call('/apps'), 404);
  });

  it('looks an app up by id or by name', async () => {
    const byId = appSchema.parse(await (await call(`/apps/${APP}`, { query: { identifierType: 'Identifier' } })).json());
    const byName = appSchema.parse(await (await call('/apps/payments-api', { query: { identifierType: 'Name' } })).json());
    expect(byId).toEqual({ id: APP, name: 'payments-api', slug: 'payments-api' });
    expect(byName).toEqual(byId);
    await expectError(await call('/apps/payments-api', { query: { identifierType: 'Identifier' } }), 404);
    await expectError(await call('/apps/nope', { query: { identifierType: 'Name' } }), 404);
    await expectError(await call('/apps/x', { query: { identifierType: 'Slug' } }), 400);
  });

  it('answers 400 DataEntityNonSingular when a name is ambiguous', async () => {
    fake.store.addApp({ id: 'app_dup', name: 'web-frontend', slug: 'web-frontend-2' });
    const body = await expectError(await call('/apps/web-frontend', { query: { identifierType: 'Name' } }), 400);
    expect(body.errorType).toBe('DataEntityNonSingular');
    fake.reset({ ambiguousAppNames: true });
    const seeded = await expectError(await call(`/apps/${AMBIGUOUS_APP_NAME}`, { query: { identifierType: 'Name' } }), 400);
    expect(seeded.errorType).toBe('DataEntityNonSingular');
  });
});

describe('POST /apps/:appId/secrets', () => {
  const create = (body: unknown, appId = APP) => call(`/apps/${appId}/secrets`, { body });

  it('creates the entity with every environment and no value', async () => {
    const response = await create({ name: 'NEW_API_KEY', purposeType: 'APIKey', environmentScopedValues: [] });
    expect(response.status).toBe(201);
    const entity = secretEntitySchema.parse(await response.json());
    expect(entity).toMatchObject({ name: 'NEW_API_KEY', slug: 'new-api-key', purposeType: 'APIKey' });
    expect(entity.environmentScopedValues.map((v) => [v.environment.id, v.value])).toEqual(Object.values(ENV_IDS).map((id) => [id, null]));
    expect(entity.environmentScopedValues[3]?.environment).toEqual({ id: PROD, slug: 'production', name: 'production', label: 'Production' });
    const listed = await rendered(PROD, 'PreviewOnly', ['NEW_API_KEY']);
    expect(listed.secrets).toEqual([{ key: 'NEW_API_KEY', secretId: entity.id, valueType: VALUE_TYPE.none }]);
  });

  it.each([
    ['a providerId', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [], providerId: 'p1' }, /providerId/],
    ['values in environmentScopedValues', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [{ environment: 'env_dev', value: 'x' }] }, /environmentScopedValues/],
    ['no environmentScopedValues', { name: 'A', purposeType: 'APIKey' }, /environmentScopedValues/],
    ['an unknown purposeType', { name: 'A', purposeType: 'Certificate', environmentScopedValues: [] }, /purposeType/],
    ['an unknown field', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [], description: 'x' }, /description/],
    ['a name starting with a digit', { name: '1ABC', purposeType: 'Other', environmentScopedValues: [] }, /name/],
    ['a name with a dash', { name: 'MY-KEY', purposeType: 'Other', environmentScopedValues: [] }, /name/],
    ['a name over 256 characters', { name: 'A'.repeat(257), purposeType: 'Other', environmentScopedValues: [] }, /256/],
    ['an empty name', { name: '', purposeType: 'Other', environmentScopedValues: [] }, /name/],
    ['an array body', [], /object/],
    ['a body that is not JSON', '{"name": "A",', /JSON/],
  ])('rejects %s with a 400', async (_label, body, message) => {
    await expectError(await create(body), 400, message);
    expect(fake.store.countSecrets(APP)).toBe(29);
  });

  it('accepts a 256-character name', async () => {
    expect((await create({ name: `A${'_'.repeat(255)}`, purposeType: 'Other', environmentScopedValues: [] })).status).toBe(201);
  });

  it('answers 409 with the existing entityId when the name exists', async () => {
    const body = await expectError(await create({ name: 'STRIPE_API_KEY', purposeType: 'APIKey', environmentScopedValues: [] }), 409);
    expect(body.entityId).toBe(secretId('STRIPE_API_KEY'));
  });

  it('answers 404 for an unknown app', async () => {
    await expectError(await create({ name: 'A', purposeType: 'APIKey', environmentScopedValues: [] }, 'app_nope'), 404);
  });
});

describe('GET /apps/:appId/secrets/:secretId', () => {
  it('returns the entity without any value', async () => {
    const id = secretId('STRIPE_API_KEY');
    const response = await call(`/apps/${APP}/secrets/${id}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const entity = secretEntitySchema.parse(JSON.parse(text));
    expect(entity).toMatchObject({ id, name: 'STRIPE_API_KEY', purposeType: 'APIKey' });
    expect(entity.environmentScopedValues.every((v) => v.value === null)).toBe(true);
    const value = (await fullValue(PROD, 'STRIPE_API_KEY')) ?? '';
    expect(value.length).toBeGreaterThan(20);
    expect(text).not.toContain(value);
    expect(text).not.toContain(value.slice(0, 12));
  });

  it('answers 404 for an unknown secret or app', async () => {
    await expectError(await call(`/apps/${APP}/secrets/sec_nope`), 404);
    await expectError(await call(`/apps/app_nope/secrets/${secretId('STRIPE_API_KEY')}`), 404);
  });
});

describe('PUT .../environments/:envId/value', () => {
  const values: Array<[string, string]> = [
    ['newlines and tabs', 'line 1\nline 2\r\n\tindented\n'],
    ['surrounding spaces', '   padded   '],
    ['emoji and accents', '🔐 clé secrète — 秘密 (e\u0301 stays decomposed)'],
    ['HTML', '<script>alert("x")</script><img src=x onerror=alert(1)>'],
    ['JSON-looking text', '{"a": [1, 2, "\\"quoted\\""]}'],
    ['the empty string', ''],
    ['64 KB', 'abcdefghij🙂'.repeat(5_462)],
  ];

  it.each(values)('stores %s byte-for-byte', async (_label, text) => {
    const id = secretId('STRIPE_API_KEY');
    const response = await putValue(id, PROD, setValueBody(text));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(secretEntitySchema.parse(JSON.parse(body)).id).toBe(id);
    if (text.length > 8) expect(body).not.toContain(text);
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe(text);
  });

  it('replaces a value and creates one where there was none', async () => {
    const id = secretId('PRODUCTION_ONLY_KEY');
    expect(await fullValue(ENV_IDS.qa, 'PRODUCTION_ONLY_KEY')).toBeUndefined();
    expect((await putValue(id, ENV_IDS.qa, setValueBody('first'))).status).toBe(200);
    expect((await putValue(id, ENV_IDS.qa, setValueBody('second'))).status).toBe(200);
    expect(await fullValue(ENV_IDS.qa, 'PRODUCTION_ONLY_KEY')).toBe('second');
  });

  const valid = setValueBody('SECRET-IN-A-BAD-BODY-123');
  it.each([
    ['a changed valueTypeUrn', { ...valid, valueTypeUrn: 'urn:app-secret:app-secret-type:fileAppSecret' }, /valueTypeUrn/],
    ['hidden: true', { ...valid, hidden: true }, /hidden/],
    ['a changed typeHint', { ...valid, kvAppSecretValue: { ...valid.kvAppSecretValue, typeHint: 'urn:x' } }, /typeHint/],
    ['an extra field', { ...valid, activity: { note: 'x' } }, /activity/],
    ['no text', { ...valid, kvAppSecretValue: { typeHint: valid.kvAppSecretValue.typeHint } }, /text/],
    ['a text that is not a string', { ...valid, kvAppSecretValue: { ...valid.kvAppSecretValue, text: 42 } }, /text/],
    ['a body that is not JSON', 'text=hello', /JSON/],
  ])('rejects %s with a 400 that does not echo the value', async (_label, body, message) => {
    const id = secretId('STRIPE_API_KEY');
    const before = await fullValue(PROD, 'STRIPE_API_KEY');
    const error = await expectError(await putValue(id, PROD, body), 400, message);
    expect(JSON.stringify(error)).not.toContain('SECRET-IN-A-BAD-BODY');
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe(before);
  });

  it('rejects values over 1 MB', async () => {
    await expectError(await putValue(secretId('STRIPE_API_KEY'), PROD, setValueBody('x'.repeat(MAX_VALUE_BYTES + 1))), 400, /larger/);
    expect((await putValue(secretId('STRIPE_API_KEY'), PROD, setValueBody('x'.repeat(MAX_VALUE_BYTES)))).status).toBe(200);
  });

  it('answers 404 for an unknown app, secret or environment', async () => {
    const id = secretId('STRIPE_API_KEY');
    await expectError(await call(`/apps/app_nope/secrets/${id}/environments/${PROD}/value`, { method: 'PUT', body: setValueBody('x') }), 404, /App/);
    await expectError(await putValue('sec_nope', PROD, setValueBody('x')), 404, /Secret/);
    await expectError(await putValue(id, 'env_nope', setValueBody('x')), 404, /Environment/);
  });
});

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

describe('everything else', () => {
  it('answers unknown routes under the base with a JSON 404', async () => {
    await expectError(await call('/nope'), 404, /No route/);
    await expectError(await call(`/apps/${APP}/secrets`), 404, /No route/);
    await expectError(await call('/environments', { method: 'DELETE' }), 404, /No route/);
  });
});
