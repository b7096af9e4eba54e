// @vitest-environment node
import { apiErrorBodySchema, environmentsResponseSchema, renderedSecretsResponseSchema, requests, setValueBody } from '../src/api/contract.ts';
import { faults, FaultController, FaultRuleError, parseFaultRules } from './faults.ts';
import { createFakeServer } from './node.ts';
import { ENV_IDS, FIRST_APP_ID } from './seed.ts';
import { createControlClient, createTestClient } from './test-client.ts';

const fake = createFakeServer();
const call = createTestClient(fake.baseUrl);
const controlClient = createControlClient(fake.controlUrl);
const control = (path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) => controlClient(path, { method, body });

beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => fake.reset());
afterAll(() => fake.server.close());

const renderedPath = `/apps/${FIRST_APP_ID}/secrets/rendered`;
const renderedQuery = (mode: 'Full' | 'PreviewOnly') => ({ environment: ENV_IDS.production, mode });

describe('fault injection in-process', () => {
  it('uses the process-wide singleton by default', () => {
    expect(fake.faults).toBe(faults);
  });

  it('answers an injected 429 with Retry-After once, then normally', async () => {
    faults.add({ match: { path: /secrets\/rendered/ }, fault: { kind: 'status', status: 429, retryAfter: 2 } });
    const limited = await call(renderedPath, { query: renderedQuery('PreviewOnly') });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('2');
    expect(limited.headers.get('Cache-Control')).toBe('no-store');
    const body = apiErrorBodySchema.parse(await limited.json());
    expect(body).toMatchObject({ error: 'Too Many Requests', requestId: expect.stringMatching(/^req_/) });
    expect((await call(renderedPath, { query: renderedQuery('PreviewOnly') })).status).toBe(200);
    expect(faults.size).toBe(0);
  });

  it('repeats a fault `times` times, or for ever until cleared', async () => {
    faults.add({ match: { path: '/environments' }, fault: { kind: 'status', status: 503 }, times: 2 });
    expect((await call('/environments')).status).toBe(503);
    expect((await call('/environments')).status).toBe(503);
    expect((await call('/environments')).status).toBe(200);

    faults.add({ fault: { kind: 'status', status: 500 }, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await call('/apps')).status).toBe(500);
    faults.clear();
    expect((await call('/apps')).status).toBe(200);
  });

  it('lets a rule override the error body, and removes a rule on demand', async () => {
    const remove = faults.add({
      fault: { kind: 'status', status: 500, body: { message: 'Upstream exploded', errorType: 'Boom', requestId: 'req_fixed' } },
      times: Infinity,
    });
    const response = await call('/environments');
    expect(await response.json()).toEqual({ requestId: 'req_fixed', error: 'Internal Server Error', message: 'Upstream exploded', errorType: 'Boom' });
    remove();
    expect((await call('/environments')).status).toBe(200);
  });

  it('applies faults before auth', async () => {
    faults.add({ fault: { kind: 'status', status: 503 } });
    expect((await call('/environments', { token: null })).status).toBe(503);
    expect((await call('/environments', { token: null })).status).toBe(401);
  });

  it('matches on method, path template and mode', async () => {
    faults.add({ match: { mode: 'Full' }, fault: { kind: 'status', status: 500 } });
    faults.add({ match: { method: 'put' }, fault: { kind: 'status', status: 409 } });
    faults.add({ match: { path: '/apps/:appId/secrets/:secretId' }, fault: { kind: 'status', status: 404 } });
    expect((await call(renderedPath, { query: renderedQuery('PreviewOnly') })).status).toBe(200);
    expect((await call(renderedPath, { query: renderedQuery('Full') })).status).toBe(500);
    expect((await call('/environments')).status).toBe(200);
    const secretId = fake.store.getSecretByName(FIRST_APP_ID, 'STRIPE_API_KEY')?.id ?? '';
    const put = await call(requests.setValue(FIRST_APP_ID, secretId, ENV_IDS.qa).path, { method: 'PUT', body: setValueBody('v') });
    expect(put.status).toBe(409);
    expect((await call(`/apps/${FIRST_APP_ID}/secrets/${secretId}`)).status).toBe(404);
    expect((await call(`/apps/${FIRST_APP_ID}/secrets/${secretId}`)).status).toBe(200);
  });

  it('adds latency', async () => {
    // Answered only once the delay has passed on the (fake) clock: a rule's, then the setting's.
    const answeredAfter = async (ms: number) => {
      let answered = false;
      const response = call('/environments').finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(ms - 1);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await response).status).toBe(200);
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      faults.add({ fault: { kind: 'latency', ms: 200 } });
      await answeredAfter(200);
      fake.settings.latencyMs = 120;
      await answeredAfter(120);
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends malformed JSON', async () => {
    faults.add({ fault: { kind: 'malformed-json' } });
    const response = await call(renderedPath, { query: renderedQuery('PreviewOnly') });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
    await expect(response.json()).rejects.toThrow(SyntaxError);
  });

  it('sends JSON that breaks the schemas', async () => {
    faults.add({ fault: { kind: 'schema-break' }, times: 2 });
    const env = await call('/environments');
    expect(env.status).toBe(200);
    expect(environmentsResponseSchema.safeParse(await env.json()).success).toBe(false);
    const rendered = await call(renderedPath, { query: renderedQuery('PreviewOnly') });
    expect(renderedSecretsResponseSchema.safeParse(await rendered.json()).success).toBe(false);
  });

  it('hangs until the request is aborted', async () => {
    faults.add({ fault: { kind: 'hang' } });
    const controller = new AbortController();
    let settled = false;
    const hanging = call('/environments', { signal: controller.signal }).finally(() => (settled = true));
    // The rule is used up: the next request is answered while the first still waits.
    expect((await call('/environments')).status).toBe(200);
    expect(settled).toBe(false);
    controller.abort();
    await expect(hanging).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('fails at the network level', async () => {
    faults.add({ fault: { kind: 'network' } });
    await expect(call('/environments')).rejects.toThrow(TypeError);
    expect((await call('/environments')).status).toBe(200);
  });
});

describe('fault rules as JSON', () => {
  it('parses pathPattern, times "Infinity" / null, and rejects bad rules', () => {
    const [rule, forever] = parseFaultRules([
      { match: { method: 'GET', pathPattern: 'secrets/rendered$', mode: 'Full' }, fault: { kind: 'network' }, times: 'Infinity' },
      { fault: { kind: 'latency', ms: 10 }, times: null },
    ]);
    expect(rule?.match?.path).toEqual(/secrets\/rendered$/);
    expect(rule?.times).toBe(Infinity);
    expect(forever?.times).toBe(Infinity);
    expect(parseFaultRules({ fault: { kind: 'hang' } })[0]?.times).toBe(1);
    expect(() => parseFaultRules({ fault: { kind: 'explode' } })).toThrow(FaultRuleError);
    expect(() => parseFaultRules({ fault: { kind: 'status', status: 200 } })).toThrow(/status/);
    expect(() => parseFaultRules({ match: { pathPattern: '(' }, fault: { kind: 'network' } })).toThrow(/regular expression/);
    expect(() => new FaultController().add({ fault: { kind: 'network' }, times: 0 })).toThrow(FaultRuleError);
  });
});

describe('control endpoints', () => {
  it('add, list and clear faults without a token, and are not subject to faults', async () => {
    const added = await control('faults', 'POST', {
      match: { pathPattern: 'secrets/rendered', mode: 'PreviewOnly' },
      fault: { kind: 'status', status: 503, retryAfter: 5 },
      times: 'Infinity',
    });
    expect(added.status).toBe(201);
    await control('faults', 'POST', [{ match: { path: '/apps' }, fault: { kind: 'network' }, times: null }]);
    const listed = (await (await control('faults', 'GET')).json()) as { rules: unknown[] };
    expect(listed.rules).toEqual([
      expect.objectContaining({ match: { pathPattern: 'secrets\\/rendered', pathFlags: '', mode: 'PreviewOnly' }, times: 'Infinity' }),
      expect.objectContaining({ match: { path: '/apps' }, fault: { kind: 'network' } }),
    ]);
    const failing = await call(renderedPath, { query: renderedQuery('PreviewOnly') });
    expect([failing.status, failing.headers.get('Retry-After')]).toEqual([503, '5']);
    expect((await call(renderedPath, { query: renderedQuery('Full') })).status).toBe(200);

    expect((await control('faults', 'DELETE')).status).toBe(204);
    expect(faults.size).toBe(0);
    expect((await call(renderedPath, { query: renderedQuery('PreviewOnly') })).status).toBe(200);
  });

  it('rejects an invalid rule with a 400 error body and adds nothing', async () => {
    const response = await control('faults', 'POST', [{ fault: { kind: 'network' } }, { fault: { kind: 'nope' } }]);
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json()).message).toMatch(/fault rule 1/);
    expect(faults.size).toBe(0);
    expect((await control('faults', 'POST', 'not json')).status).toBe(400);
  });

  it('reset the store (optionally with seed options) and clear faults', async () => {
    await call(`/apps/${FIRST_APP_ID}/secrets`, { body: { name: 'TEMPORARY', purposeType: 'Other', environmentScopedValues: [] } });
    faults.add({ match: { path: '/environments' }, fault: { kind: 'network' }, times: Infinity });
    expect((await control('reset', 'POST')).status).toBe(204);
    expect(fake.store.getSecretByName(FIRST_APP_ID, 'TEMPORARY')).toBeUndefined();
    expect(faults.size).toBe(0);

    expect((await control('reset', 'POST', { secrets: 40, envs: 6, apps: 5, seed: 9, canary: 'CANARY-xyz-123456' })).status).toBe(204);
    const envs = environmentsResponseSchema.parse(await (await call('/environments')).json());
    expect(envs.environments).toHaveLength(6);
    expect(fake.store.countSecrets(FIRST_APP_ID)).toBe(40);
    expect(fake.store.listApps()).toHaveLength(5);
    expect((await control('reset', 'POST', { secrets: -1 })).status).toBe(400);
  });

  it('change settings live', async () => {
    const response = await control('settings', 'POST', { appsListing: false });
    expect(await response.json()).toEqual({ latencyMs: 0, appsListing: false, writeResponses: 'minimal' });
    expect((await call('/apps')).status).toBe(404);
    expect((await control('settings', 'POST', { latencyMs: -5 })).status).toBe(400);
    await control('reset', 'POST');
    expect((await call('/apps')).status).toBe(200);
  });
});
