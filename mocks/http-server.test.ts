// @vitest-environment node
/// <reference types="node" />
// Real sockets: this file must not start msw's setupServer (it would intercept these fetches).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { apiErrorBodySchema, environmentsResponseSchema, HEADERS, renderedSecretsResponseSchema, requests, setValueBody } from '../src/api/contract.ts';
import { FAKE_TOKENS } from './auth.ts';
import { parseCliArgs, startHttpFake, type HttpFake } from './http-server.ts';
import { ENV_IDS, FIRST_APP_ID } from './seed.ts';
import { createControlClient, createTestClient } from './test-client.ts';

let fake: HttpFake;
beforeAll(async () => {
  fake = await startHttpFake({ port: 0 });
});
afterEach(() => fake.context.reset());
afterAll(() => fake.close());

describe('startHttpFake over real sockets', () => {
  it('serves the API at / and under /api, with CORS for localhost origins, ETags and faults', async () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const root = createTestClient(fake.url);
    const api = createTestClient(`${fake.url}/api`);

    // Both prefixes, same data.
    const atRoot = environmentsResponseSchema.parse(await (await root('/environments')).json());
    const underApi = await api('/environments');
    expect(underApi.headers.get('Cache-Control')).toBe('no-store');
    expect(environmentsResponseSchema.parse(await underApi.json())).toEqual(atRoot);
    expect(atRoot.environments.map((e) => e.id)).toEqual(Object.values(ENV_IDS));
    expect((await api('/environments', { token: null })).status).toBe(401);

    // CORS preflight from a dev server on another port, and a refused origin.
    const preflight = await fetch(`${fake.url}/api/apps/${FIRST_APP_ID}/secrets/rendered`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,if-none-match' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('Access-Control-Allow-Methods')).toMatch(/PUT/);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toMatch(/Authorization.*Content-Type.*If-None-Match/);
    const foreign = await fetch(`${fake.url}/api/apps`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } });
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();

    // A real read with an Origin: CORS headers, ETag exposed, then a 304.
    const query = { environment: ENV_IDS.production, mode: 'PreviewOnly' };
    const first = await api(`/apps/${FIRST_APP_ID}/secrets/rendered`, { query, headers: { Origin: 'http://127.0.0.1:4173' } });
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe('http://127.0.0.1:4173');
    expect(first.headers.get('Access-Control-Expose-Headers')).toMatch(/ETag.*Retry-After/);
    renderedSecretsResponseSchema.parse(await first.json());
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    const cached = await api(`/apps/${FIRST_APP_ID}/secrets/rendered`, { query, headers: { 'If-None-Match': etag } });
    expect(cached.status).toBe(304);

    // A write round-trips byte-for-byte over the wire.
    const id = fake.context.store.getSecretByName(FIRST_APP_ID, 'STRIPE_API_KEY')?.id ?? '';
    const text = ' ligne 1\r\n\t🔐 <b>&amp;</b> 秘密 ';
    const put = await api(requests.setValue(FIRST_APP_ID, id, ENV_IDS.production).path, { method: 'PUT', body: setValueBody(text) });
    expect(put.status).toBe(200);
    const full = renderedSecretsResponseSchema.parse(
      await (await api(`/apps/${FIRST_APP_ID}/secrets/rendered`, { query: { ...query, mode: 'Full', 'secret-name-filter': 'STRIPE_API_KEY' } })).json(),
    );
    expect(full.secrets[0]?.serializedValue).toBe(text);

    // Unknown paths: JSON 404 at both prefixes.
    for (const response of [await root('/nope'), await api('/nope')]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'Not Found', requestId: expect.stringMatching(/^req_/) });
    }

    // Faults through the control endpoint (no token, the control header): 429 with Retry-After, network drop, hang.
    const control = createControlClient(fake.url);
    const addFault = (rule: unknown) => control('faults', { body: rule });
    expect((await addFault({ match: { pathPattern: '/environments$' }, fault: { kind: 'status', status: 429, retryAfter: 3 } })).status).toBe(201);
    const limited = await api('/environments', { headers: { Origin: 'http://localhost:5173' } });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '3']);
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    await addFault({ fault: { kind: 'network' } });
    await expect(api('/environments')).rejects.toThrow(TypeError);
    await addFault({ fault: { kind: 'hang' } });
    await expect(api('/environments', { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await control('faults', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/environments')).status).toBe(200);
  });

  it('serves control only at the root, and only with the control header', async () => {
    const rule = JSON.stringify({ fault: { kind: 'network' }, times: 'Infinity' });
    const post = (path: string, headers: Record<string, string>) =>
      fetch(`${fake.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: rule });
    const withHeader = { [HEADERS.fakeControl]: '1' };

    // Under /api: not control, with or without the header, however it is spelt.
    for (const path of ['/api/__fake/faults', '/api/__FAKE/faults', '/api/%5F_fake/faults', '/api/__fake/faults/']) {
      const response = await post(path, withHeader);
      expect(response.status, path).toBe(404);
      expect(apiErrorBodySchema.parse(await response.json()).requestId).toMatch(/^req_/);
    }
    // At the root without the header (or with another value): refused.
    const refusedHeaders: Array<Record<string, string>> = [{}, { [HEADERS.fakeControl]: 'yes' }];
    for (const headers of refusedHeaders) {
      const refused = await post('/__fake/faults', headers);
      expect(refused.status).toBe(403);
      expect(apiErrorBodySchema.parse(await refused.json()).message).toMatch(/X-Fake-Control: 1/);
      expect((await fetch(`${fake.url}/__fake/settings`, { headers })).status).toBe(403);
    }
    expect(fake.context.faults.size).toBe(0);
    expect((await createTestClient(fake.url)('/environments')).status).toBe(200);

    // The CORS preflight never allows the control header: no other origin can send it.
    const preflight = await fetch(`${fake.url}/__fake/faults`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-fake-control' },
    });
    expect(preflight.headers.get('Access-Control-Allow-Headers')).not.toMatch(/x-fake-control/i);

    expect((await post('/__fake/faults', withHeader)).status).toBe(201);
    expect(fake.context.faults.size).toBe(1);
  });

  it('answers malformed percent-encoding with a 400, an unknown method with a 405, a body not sent as JSON with a 415', async () => {
    for (const prefix of ['', '/api']) {
      const call = createTestClient(`${fake.url}${prefix}`);
      for (const path of ['/apps/%E0%A4%A/secrets', '/apps/%/secrets/rendered', '/%C3']) {
        const response = await call(path);
        expect(response.status, `${prefix}${path}`).toBe(400);
        expect(apiErrorBodySchema.parse(await response.json()).message).toMatch(/percent-encoding/);
      }
      const deleted = await call('/environments', { method: 'DELETE' });
      expect(deleted.status).toBe(405);
      expect(deleted.headers.get('Allow')).toBe('GET');
      expect(apiErrorBodySchema.parse(await deleted.json()).error).toBe('Method Not Allowed');
      const body = { name: 'PLAIN_TEXT', purposeType: 'Other', environmentScopedValues: [] };
      for (const contentType of ['text/plain', null]) {
        const response = await call(`/apps/${FIRST_APP_ID}/secrets`, { body, contentType });
        expect(response.status).toBe(415);
        apiErrorBodySchema.parse(await response.json());
      }
      expect((await call(`/apps/${FIRST_APP_ID}/secrets`, { body: { ...body, name: `JSON${prefix.length}` }, contentType: 'Application/JSON; charset=utf-8' })).status).toBe(201);
    }
    const control = createControlClient(fake.url);
    expect((await control('%E0%A4%A')).status).toBe(400);
    expect((await control('settings', { body: { latencyMs: 1 }, contentType: 'text/plain' })).status).toBe(415);
  });

  it('answers with the start-up write responses, switched live and restored by a reset', async () => {
    const lean = await startHttpFake({ port: 0, writeResponses: 'empty' });
    try {
      const call = createTestClient(lean.url);
      const control = createControlClient(lean.url);
      const created = await call(`/apps/${FIRST_APP_ID}/secrets`, { body: { name: 'LEAN', purposeType: 'Other', environmentScopedValues: [] } });
      const id = lean.context.store.getSecretByName(FIRST_APP_ID, 'LEAN')?.id;
      expect([created.status, await created.json()]).toEqual([201, { id }]);
      const put = await call(requests.setValue(FIRST_APP_ID, id ?? '', ENV_IDS.qa).path, { method: 'PUT', body: setValueBody('v') });
      expect([put.status, await put.text()]).toEqual([204, '']);
      expect(await (await control('settings', { body: { writeResponses: 'minimal' } })).json()).toMatchObject({ writeResponses: 'minimal' });
      const minimal = await call(requests.setValue(FIRST_APP_ID, id ?? '', ENV_IDS.qa).path, { method: 'PUT', body: setValueBody('w') });
      expect([minimal.status, await minimal.text()]).toEqual([200, '']);
      expect((await control('reset', { method: 'POST' })).status).toBe(204);
      expect(await (await control('settings')).json()).toMatchObject({ writeResponses: 'empty' });
    } finally {
      await lean.close();
    }
  });

  it('parses the CLI flags', () => {
    expect(parseCliArgs(['--port', '0', '--secrets', '10000', '--envs', '12', '--apps', '300', '--seed', '4', '--canary', 'CANARY-1', '--latency', '50'])).toEqual({
      port: 0,
      host: '127.0.0.1',
      secrets: 10_000,
      envs: 12,
      apps: 300,
      seed: 4,
      canary: 'CANARY-1',
      latencyMs: 50,
      appsListing: true,
      writeResponses: 'minimal',
    });
    expect(parseCliArgs(['--no-apps-listing']).appsListing).toBe(false);
    expect(parseCliArgs(['--gaps-app']).gapsApp).toBe(true);
    expect(parseCliArgs(['--write-responses', 'empty']).writeResponses).toBe('empty');
    expect(parseCliArgs(['--write-responses', 'entity']).writeResponses).toBe('entity');
    expect(() => parseCliArgs(['--write-responses', 'full'])).toThrow(/--write-responses must be one of minimal, empty, entity/);
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });

  it('runs as a CLI: prints the URL and tokens, serves a generated dataset, exits on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./http-server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--secrets', '200', '--envs', '5', '--apps', '3', '--write-responses', 'entity'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(output);
          // The control line is the last one printed.
          if (match?.[1] && /control \(header[^\n]*\n/.test(output)) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      expect(output).toContain(FAKE_TOKENS.readWrite);
      expect(output).toContain(FAKE_TOKENS.read);
      expect(output).toContain('write responses: entity');
      expect(output).toContain(`${HEADERS.fakeControl}: 1`);
      const api = createTestClient(`${url}/api`);
      const envs = environmentsResponseSchema.parse(await (await api('/environments')).json());
      expect(envs.environments).toHaveLength(5);
      const rendered = renderedSecretsResponseSchema.parse(
        await (await api(`/apps/${FIRST_APP_ID}/secrets/rendered`, { query: { environment: ENV_IDS.development, mode: 'PreviewOnly' } })).json(),
      );
      expect(rendered.secrets).toHaveLength(200);
    } finally {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
    }
  });
});
