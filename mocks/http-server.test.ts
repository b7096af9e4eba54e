// @vitest-environment node
/// <reference types="node" />
// Real sockets: this file must not start msw's setupServer (it would intercept these fetches).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { environmentsResponseSchema, renderedSecretsResponseSchema, setValueBody } from '../src/api/contract.ts';
import { FAKE_TOKENS } from './handlers.ts';
import { parseCliArgs, startHttpFake, type HttpFake } from './http-server.ts';
import { ENV_IDS, FIRST_APP_ID } from './seed.ts';
import { createTestClient } from './test-client.ts';

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
    const put = await api(`/apps/${FIRST_APP_ID}/secrets/${id}/environments/${ENV_IDS.production}/value`, { method: 'PUT', body: setValueBody(text) });
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

    // Faults through the control endpoint (no token): 429 with Retry-After, network drop, hang.
    const addFault = (rule: unknown) =>
      fetch(`${fake.url}/__fake/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) });
    expect((await addFault({ match: { pathPattern: '/environments$' }, fault: { kind: 'status', status: 429, retryAfter: 3 } })).status).toBe(201);
    const limited = await api('/environments', { headers: { Origin: 'http://localhost:5173' } });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '3']);
    expect(limited.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:5173');
    await addFault({ fault: { kind: 'network' } });
    await expect(api('/environments')).rejects.toThrow(TypeError);
    await addFault({ fault: { kind: 'hang' } });
    await expect(api('/environments', { signal: AbortSignal.timeout(200) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await fetch(`${fake.url}/api/__fake/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await api('/environments')).status).toBe(200);
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
    });
    expect(parseCliArgs(['--no-apps-listing']).appsListing).toBe(false);
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--bogus'])).toThrow();
  });

  it('runs as a CLI: prints the URL and tokens, serves a generated dataset, exits on SIGTERM', async () => {
    const script = fileURLToPath(new URL('./http-server.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, '--port', '0', '--secrets', '200', '--envs', '5', '--apps', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1] && output.includes(FAKE_TOKENS.write)) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
      });
      expect(output).toContain(FAKE_TOKENS.readWrite);
      expect(output).toContain(FAKE_TOKENS.read);
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
