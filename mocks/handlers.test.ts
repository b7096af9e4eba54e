// @vitest-environment node
import {
  apiErrorBodySchema,
  appSchema,
  appsResponseSchema,
  environmentsResponseSchema,
  HEADERS,
  MAX_VALUE_BYTES,
  PATHS,
  renderedSecretsResponseSchema,
  requests,
  secretEntitySchema,
  setValueBody,
  VALUE_TYPE,
  type RenderedSecretsResponse,
} from '../src/api/contract.ts';
import { FAKE_TOKENS, hasMalformedPercent, isJsonContentType } from './handlers.ts';
import { createFakeServer } from './node.ts';
import { AMBIGUOUS_APP_NAME, ENV_IDS, FIRST_APP_ID, OTHER_PROVIDER, PROVIDERS } from './seed.ts';
import { PREVIEW_MASK } from './store.ts';
import { createControlClient, createTestClient } from './test-client.ts';

const fake = createFakeServer();
const call = createTestClient(fake.baseUrl);
const control = createControlClient(fake.controlUrl);

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

const putValue = (secret: string, envId: string, body: unknown, token?: string, contentType?: string | null) =>
  call(requests.setValue(APP, secret, envId).path, { method: 'PUT', body, token, contentType });

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

describe('GET /providers', () => {
  it('lists the seeded providers, "Other" among them, to a read or a write token', async () => {
    for (const token of [FAKE_TOKENS.readWrite, FAKE_TOKENS.read, FAKE_TOKENS.write]) {
      const response = await call(PATHS.providers, { token });
      expect(response.status).toBe(200);
      const { providers } = (await response.json()) as { providers: unknown[] };
      expect(providers).toEqual(PROVIDERS);
      expect(providers).toContainEqual({ id: OTHER_PROVIDER.id, name: 'Other', slug: 'other' });
    }
    await expectError(await call(PATHS.providers, { token: null }), 401);
  });

  it('keeps the same ids in a generated dataset and after a reset', async () => {
    fake.reset({ secrets: 5, envs: 2, apps: 2 });
    expect(((await (await call(PATHS.providers)).json()) as { providers: unknown[] }).providers).toEqual(PROVIDERS);
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

  it('answers 201 { id, name, slug } by default', async () => {
    const response = await create({ name: 'NEW_API_KEY', purposeType: 'APIKey', environmentScopedValues: [] });
    expect(response.status).toBe(201);
    const id = fake.store.getSecretByName(APP, 'NEW_API_KEY')?.id;
    expect(await response.json()).toEqual({ id, name: 'NEW_API_KEY', slug: 'new-api-key' });
  });

  it('creates the entity with every environment and no value', async () => {
    fake.settings.writeResponses = 'entity';
    const response = await create({ name: 'NEW_API_KEY', purposeType: 'APIKey', environmentScopedValues: [] });
    expect(response.status).toBe(201);
    const entity = secretEntitySchema.parse(await response.json());
    expect(entity).toMatchObject({ name: 'NEW_API_KEY', slug: 'new-api-key', purposeType: 'APIKey' });
    expect(entity.environmentScopedValues.map((v) => [v.environment.id, v.value])).toEqual(Object.values(ENV_IDS).map((id) => [id, null]));
    expect(entity.environmentScopedValues[3]?.environment).toEqual({ id: PROD, slug: 'production', name: 'production', label: 'Production' });
    const listed = await rendered(PROD, 'PreviewOnly', ['NEW_API_KEY']);
    expect(listed.secrets).toEqual([{ key: 'NEW_API_KEY', secretId: entity.id, valueType: VALUE_TYPE.none }]);
  });

  it('accepts the providerId of a listed provider (what the CLI sends)', async () => {
    for (const [i, provider] of PROVIDERS.entries()) {
      const response = await create({ name: `WITH_PROVIDER_${i}`, providerId: provider.id, environmentScopedValues: [], purposeType: 'Other' });
      expect(response.status).toBe(201);
    }
  });

  it.each([
    ['an unknown providerId', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [], providerId: 'p1' }, /providerId "p1" is not one of the providers/],
    ['an empty providerId', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [], providerId: '' }, /providerId/],
    ['a providerId that is not a string', { name: 'A', purposeType: 'APIKey', environmentScopedValues: [], providerId: 7 }, /providerId/],
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

describe('PUT .../environments/:envId/values', () => {
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
    expect(await response.text()).toBe('');
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe(text);
  });

  it('answers with the entity, never the value, in the entity mode', async () => {
    fake.settings.writeResponses = 'entity';
    const id = secretId('STRIPE_API_KEY');
    const text = 'a value that must not come back 123';
    const response = await putValue(id, PROD, setValueBody(text));
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(secretEntitySchema.parse(JSON.parse(body)).id).toBe(id);
    expect(body).not.toContain(text);
  });

  it.each([
    ['activity: null (what the CLI sends)', { ...setValueBody('with activity'), activity: null }],
    ['activity as a string', { ...setValueBody('with activity'), activity: 'set from a test' }],
  ])('accepts %s', async (_label, body) => {
    expect((await putValue(secretId('STRIPE_API_KEY'), PROD, body)).status).toBe(200);
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe('with activity');
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
    ['an extra field', { ...valid, note: 'x' }, /note/],
    ['an activity that is not a string or null', { ...valid, activity: { note: 'x' } }, /activity/],
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

  it('answers 413 to a value over MAX_VALUE_BYTES of UTF-8, and takes one of exactly that size', async () => {
    const id = secretId('STRIPE_API_KEY');
    const before = await fullValue(PROD, 'STRIPE_API_KEY');
    await expectError(await putValue(id, PROD, setValueBody('x'.repeat(MAX_VALUE_BYTES + 1))), 413, /larger than 1048576 bytes/);
    // Counted in UTF-8 bytes, not characters: 'é' is 2 bytes.
    await expectError(await putValue(id, PROD, setValueBody('é'.repeat(MAX_VALUE_BYTES / 2) + 'x')), 413);
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe(before);
    expect((await putValue(id, PROD, setValueBody('x'.repeat(MAX_VALUE_BYTES)))).status).toBe(200);
    expect((await putValue(id, PROD, setValueBody('é'.repeat(MAX_VALUE_BYTES / 2)))).status).toBe(200);
  });

  it('answers 404 for an unknown app, secret or environment', async () => {
    const id = secretId('STRIPE_API_KEY');
    await expectError(await call(requests.setValue('app_nope', id, PROD).path, { method: 'PUT', body: setValueBody('x') }), 404, /App/);
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
    await expectError(await call(`/apps/${APP}/secrets/x/environments/${PROD}`), 404, /No route/);
    await expectError(await call(`/apps/${APP}/secrets/x/environments/${PROD}/value`, { method: 'PUT', body: setValueBody('x') }), 404, /No route/);
  });

  it.each([
    ['DELETE', PATHS.environments, 'GET'],
    ['POST', PATHS.providers, 'GET'],
    ['PUT', `/apps/${APP}`, 'GET'],
    ['GET', `/apps/${APP}/secrets`, 'POST'],
    ['DELETE', `/apps/${APP}/secrets/rendered`, 'GET'],
    ['PATCH', `/apps/${APP}/secrets/sec_x`, 'GET'],
    ['POST', `/apps/${APP}/secrets/sec_x/environments/${PROD}/values`, 'PUT'],
    ['GET', `/apps/${APP}/secrets/sec_x/environments/${PROD}/values`, 'PUT'],
  ] as const)('answers %s %s with a 405 and Allow: %s', async (method, path, allow) => {
    const response = await call(path, { method });
    await expectError(response, 405, new RegExp(`${method} is not allowed`));
    expect(response.headers.get('Allow')).toBe(allow);
  });

  it('answers a path with malformed percent-encoding with a 400, not a 500', async () => {
    await expectError(await call('/apps/%E0%A4%A/secrets', { method: 'POST', body: {} }), 400, /percent-encoding/);
    await expectError(await call('/apps/%ZZ/secrets/rendered', { query: { environment: PROD, mode: 'Full' } }), 400, /percent-encoding/);
    await expectError(await call(`/apps/${APP}/secrets/%/environments/${PROD}/values`, { method: 'PUT', body: setValueBody('x') }), 400);
    await expectError(await call('/nowhere/%C3'), 400);
    // Well-formed escapes still route (an id with a slash in it is one path segment).
    await expectError(await call(`/apps/${encodeURIComponent('a/b')}`, { query: { identifierType: 'Identifier' } }), 404, /"a\/b"/);
    expect(hasMalformedPercent('/apps/%E2%9C%93')).toBe(false);
    expect(hasMalformedPercent('/apps/%E2%9C')).toBe(true);
  });
});

describe('request Content-Type', () => {
  it('treats application/json with parameters, in any case, as JSON; anything else not', () => {
    for (const ok of ['application/json', 'Application/JSON; charset=utf-8', 'application/json;charset=UTF-8', ' application/json ']) {
      expect(isJsonContentType(ok)).toBe(true);
    }
    for (const bad of [null, '', 'text/plain', 'application/jsonx', 'application/x-www-form-urlencoded', 'text/json', 'application/problem+json']) {
      expect(isJsonContentType(bad)).toBe(false);
    }
  });

  const createBody = { name: 'TYPED_BODY', purposeType: 'Other', environmentScopedValues: [] };
  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain with a charset', 'text/plain; charset=utf-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['no Content-Type', null],
  ])('answers 415 to a create and a set value sent as %s', async (_label, contentType) => {
    await expectError(await call(`/apps/${APP}/secrets`, { body: createBody, contentType }), 415, /Content-Type: application\/json/);
    expect(fake.store.getSecretByName(APP, 'TYPED_BODY')).toBeUndefined();
    const before = await fullValue(PROD, 'STRIPE_API_KEY');
    await expectError(await putValue(secretId('STRIPE_API_KEY'), PROD, setValueBody('typed'), undefined, contentType), 415);
    expect(await fullValue(PROD, 'STRIPE_API_KEY')).toBe(before);
  });

  it('takes JSON sent with parameters and in any case', async () => {
    expect((await call(`/apps/${APP}/secrets`, { body: createBody, contentType: 'Application/JSON; charset=utf-8' })).status).toBe(201);
    expect((await putValue(secretId('TYPED_BODY'), PROD, setValueBody('typed'), undefined, 'APPLICATION/json;charset=UTF-8')).status).toBe(200);
  });

  it('checks the token before the body type', async () => {
    await expectError(await call(`/apps/${APP}/secrets`, { body: createBody, contentType: 'text/plain', token: null }), 401);
    await expectError(await call(`/apps/${APP}/secrets`, { body: createBody, contentType: 'text/plain', token: FAKE_TOKENS.read }), 403);
  });
});

describe('control routes', () => {
  it('refuse a call without the control header (or with another value), and do nothing', async () => {
    const variants: Array<Record<string, string>> = [{}, { [HEADERS.fakeControl]: '0' }, { [HEADERS.fakeControl]: 'true' }];
    for (const headers of variants) {
      const response = await fetch(`${fake.controlUrl}/__fake/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ fault: { kind: 'network' } }),
      });
      await expectError(response, 403, /X-Fake-Control: 1/);
      await expectError(await fetch(`${fake.controlUrl}/__fake/settings`, { headers }), 403);
      await expectError(await fetch(`${fake.controlUrl}/__fake/reset`, { method: 'POST', headers }), 403);
    }
    expect(fake.faults.size).toBe(0);
    expect((await control('settings')).status).toBe(200);
  });

  it('are not under the API base, even with the header', async () => {
    const response = await call(`${PATHS.fakeControl}/faults`, { headers: { [HEADERS.fakeControl]: '1' }, body: { fault: { kind: 'network' } } });
    await expectError(response, 404, /No route/);
    expect(fake.faults.size).toBe(0);
  });

  it('answer 415 to a body that is not sent as JSON (an empty reset needs none)', async () => {
    await expectError(await control('faults', { body: { fault: { kind: 'network' } }, contentType: 'text/plain' }), 415);
    await expectError(await control('settings', { body: { latencyMs: 5 }, contentType: null }), 415);
    await expectError(await control('reset', { body: { secrets: 3 }, contentType: 'text/plain' }), 415);
    expect(fake.faults.size).toBe(0);
    expect(fake.settings.latencyMs).toBe(0);
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect((await control('settings', { body: { latencyMs: 5 }, contentType: 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answer 405 to another method, 404 to an unknown name, 400 to malformed percent-encoding', async () => {
    const put = await control('faults', { method: 'PUT', body: {} });
    await expectError(put, 405);
    expect(put.headers.get('Allow')).toBe('POST, GET, DELETE');
    await expectError(await control('nope'), 404);
    await expectError(await control('%E0%A4%A'), 400, /percent-encoding/);
  });

  it('switch the write responses live; a reset restores the start-up one', async () => {
    const switched = await control('settings', { body: { writeResponses: 'empty' } });
    expect(await switched.json()).toMatchObject({ writeResponses: 'empty' });
    const created = await call(`/apps/${APP}/secrets`, { body: { name: 'LIVE_MODE', purposeType: 'Other', environmentScopedValues: [] } });
    expect(await created.json()).toEqual({ id: secretId('LIVE_MODE') });
    await expectError(await control('settings', { body: { writeResponses: 'full' } }), 400, /writeResponses/);
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect(fake.settings.writeResponses).toBe('minimal');
  });
});
