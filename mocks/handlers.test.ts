// @vitest-environment node
// What every API route answers alike: auth and scopes, 404/405/400 on paths, request Content-Type.
import { PATHS, setValueBody } from '../src/api/contract.ts';
import { FAKE_TOKENS } from './auth.ts';
import { APP, expectError, PROD, renderedPath, useFakeServer } from './handlers-fixture.ts';
import { hasMalformedPercent } from './pipeline.ts';
import { isJsonContentType } from './responses.ts';

const { fake, call, secretId, rendered, fullValue, putValue } = useFakeServer();

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
