// @vitest-environment node
// Creating a secret, reading one, setting a value.
import { MAX_VALUE_BYTES, requests, secretEntitySchema, setValueBody, VALUE_TYPE } from '../src/api/contract.ts';
import { APP, expectError, PROD, useFakeServer } from './handlers-fixture.ts';
import { ENV_IDS, PROVIDERS } from './seed.ts';

const { fake, call, secretId, rendered, fullValue, putValue } = useFakeServer();

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
