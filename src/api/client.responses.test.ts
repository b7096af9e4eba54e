// @vitest-environment node
/** The API client's answers: parsed with the endpoint's schema, writes liberal in what they accept. */
import { createSecretBody, endpoints } from './contract';
import { CANARY, READ_TOKEN, catchError, fakeFetch, full, json, preview, renderedBody, secretEntity, setup } from './client-test-helpers';

// -------------------------------------------------------------------------------------------------
describe('schema drift', () => {
  it("JSON that does not match the schema → 'unexpected-response' naming the endpoint, without the body", async () => {
    const bad = { secrets: [{ key: 'K', serializedValue: CANARY }] };
    const { client } = setup({ fetch: fakeFetch(async () => json(bad)) });
    const error = await catchError(client.request(preview()));
    expect(error.kind).toBe('unexpected-response');
    expect(error.endpoint).toBe('list secrets');
    expect(error.message).toContain('list secrets');
    expect(error.message).not.toContain(CANARY);
    expect(String(error.cause)).not.toContain(CANARY);
    expect(JSON.stringify(error)).not.toContain(CANARY);
  });

  it("Full mode drift names 'reveal secrets'", async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ secrets: [{ key: 'K', serializedValue: CANARY }] })) });
    const error = await catchError(client.request(full()));
    expect(error.message).toContain('reveal secrets');
    expect(error.message).not.toContain(CANARY);
  });

  it("a non-JSON 200 body → 'unexpected-response' without the body", async () => {
    const { client } = setup({ fetch: fakeFetch(async () => new Response(`${CANARY} not json`, { status: 200 })) });
    const error = await catchError(client.request(preview()));
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toContain('list secrets');
    expect(error.message).not.toContain(CANARY);
    expect(String(error.cause)).not.toContain(CANARY);
  });

  it('an empty 200 body → unexpected-response', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => new Response(null, { status: 200 })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('unexpected-response');
  });

  it('accepts and strips unknown extra fields', async () => {
    const body = {
      ...renderedBody,
      newTopLevel: 'x',
      secrets: renderedBody.secrets.map((s) => ({ ...s, futureField: { nested: true } })),
    };
    const { client } = setup({ fetch: fakeFetch(async () => json(body)) });
    const data = await client.request(preview());
    expect(data).toEqual(renderedBody);
    expect(data).not.toHaveProperty('newTopLevel');
    expect(data.secrets[0]).not.toHaveProperty('futureField');
  });

  it('parses with the endpoint schema (defaults applied)', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ id: 's', name: 'N', slug: 'n', purposeType: 'NewPurpose' })) });
    await expect(client.request(endpoints.getSecret('a', 's'))).resolves.toEqual({
      id: 's',
      name: 'N',
      slug: 'n',
      purposeType: 'NewPurpose',
      environmentScopedValues: [],
    });
  });
});

// -------------------------------------------------------------------------------------------------
describe('writes: liberal in what the answer holds', () => {
  const setValue = () => endpoints.setValue('app-1', 's-1', 'env-1', 'v');

  it.each<[string, () => Response]>([
    ['204, no body', () => new Response(null, { status: 204 })],
    ['200, empty body', () => new Response('', { status: 200 })],
    ['200, {}', () => json({})],
    ['200, an entity', () => json(secretEntity)],
    ['201, not JSON', () => new Response('OK', { status: 201, headers: { 'Content-Type': 'text/plain' } })],
    ['200, JSON of another shape', () => json({ id: 42, name: null })],
  ])('set value succeeds on any 2xx: %s', async (_name, answer) => {
    const { client } = setup({ fetch: fakeFetch(async () => answer()) });
    await expect(client.request(setValue())).resolves.toBeUndefined();
  });

  it('set value still fails on a non-2xx, with the server message and request id', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ requestId: 'req_9', error: 'Conflict', message: 'Busy' }, { status: 409 })) });
    const error = await catchError(client.request(setValue()));
    expect([error.kind, error.status, error.message, error.requestId]).toEqual(['http', 409, 'Busy', 'req_9']);
  });

  it.each<[string, unknown]>([
    ['only an id', { id: 's-9' }],
    ['{ id, name, slug } as the CLI reads it', { id: 's-9', name: 'OTHER', slug: 'other' }],
    ['the full entity and unknown fields', { ...secretEntity, id: 's-9', more: { a: 1 } }],
  ])('create accepts %s and returns the id', async (_name, body) => {
    const { client } = setup({ fetch: fakeFetch(async () => json(body, { status: 201 })) });
    await expect(client.request(endpoints.createSecret('app-1', createSecretBody('K', 'Other')))).resolves.toEqual({ id: 's-9' });
  });

  it('create without an id in its answer is an unexpected response', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ name: 'K' }, { status: 201 })) });
    const error = await catchError(client.request(endpoints.createSecret('app-1', createSecretBody('K', 'Other'))));
    expect(error.kind).toBe('unexpected-response');
  });
});

describe('endpoints the server does not offer', () => {
  it('are remembered until the session changes', () => {
    const { client } = setup();
    client.markUnavailable('read secret');
    expect(client.isUnavailable('read secret')).toBe(true);
    expect(client.isUnavailable('list secrets')).toBe(false);
    client.setSession({ baseUrl: '/api', readToken: READ_TOKEN });
    expect(client.isUnavailable('read secret')).toBe(false);
  });
});
