// @vitest-environment node
import { ApiClient, type ApiSession } from './client';
import { buildUrl } from './contract-http';
import { discardEarlyResponses, sendEarly, takeEarlyResponse } from './early-responses';
import { ApiError } from './api-error';
import {
  appSchema,
  createSecretBody,
  endpoints,
  environmentsResponseSchema,
  VALUE_TYPE,
  type Endpoint,
  type RenderedSecretsResponse,
} from './contract';

const READ_TOKEN = 'read-token-R3AD-0123456789';
const WRITE_TOKEN = 'write-token-WR1TE-0123456789';
const CANARY = 'CANARY-123';

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];
type FetchImpl = (...args: FetchArgs) => Promise<Response>;

function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

function fakeFetch(impl: FetchImpl = async () => json({ environments: [] })) {
  return vi.fn<FetchImpl>(impl);
}

function setup(options: { session?: Partial<ApiSession> | null; fetch?: ReturnType<typeof fakeFetch>; timeoutMs?: number } = {}) {
  const fetch = options.fetch ?? fakeFetch();
  const client = new ApiClient({ fetch, origin: 'http://localhost', timeoutMs: options.timeoutMs ?? 1_000 });
  if (options.session !== null) {
    client.setSession({ baseUrl: '/api', readToken: READ_TOKEN, ...options.session });
  }
  return { client, fetch };
}

/** The URL and init of the n-th fetch call (0-based). */
function call(fetch: ReturnType<typeof fakeFetch>, n = 0): { url: URL; init: RequestInit; headers: Headers } {
  const args = fetch.mock.calls[n];
  if (!args) throw new Error(`fetch was not called ${n + 1} time(s)`);
  const [input, init = {}] = args;
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  return { url, init, headers: new Headers(init.headers) };
}

async function catchError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

const renderedBody: RenderedSecretsResponse = {
  changelogId: 'cl-1',
  secretDigest: 'digest-1',
  incrementalId: 42,
  secrets: [
    { key: 'STRIPE_API_KEY', secretId: 's-1', valueType: VALUE_TYPE.string, serializedValue: '••••••' },
    { key: 'EMPTY', secretId: 's-2', valueType: VALUE_TYPE.none },
  ],
};

const secretEntity = {
  id: 's-1',
  name: 'STRIPE_API_KEY',
  slug: 'stripe-api-key',
  purposeType: 'APIKey',
  environmentScopedValues: [],
};

const preview = () => endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'PreviewOnly' });
const full = () => endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'Full' });

// -------------------------------------------------------------------------------------------------
describe('headers per token scope', () => {
  it('reads send the read token as a Bearer header, even when a write token exists', async () => {
    const { client, fetch } = setup({ session: { writeToken: WRITE_TOKEN } });
    await client.request(endpoints.listEnvironments());
    const { headers, init } = call(fetch);
    expect(headers.get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
    expect(init.method).toBe('GET');
  });

  it('writes send the write token when one is given', async () => {
    const { client, fetch } = setup({
      session: { writeToken: WRITE_TOKEN },
      fetch: fakeFetch(async () => json(secretEntity, { status: 201 })),
    });
    await client.request(endpoints.createSecret('app-1', createSecretBody('STRIPE_API_KEY', 'APIKey')));
    const { headers, init } = call(fetch);
    expect(headers.get('Authorization')).toBe(`Bearer ${WRITE_TOKEN}`);
    expect(init.method).toBe('POST');
  });

  it('writes fall back to the read token when there is no write token', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json(secretEntity)) });
    await client.request(endpoints.setValue('app-1', 's-1', 'env-1', 'v'));
    const { headers, init } = call(fetch);
    expect(headers.get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
    expect(init.method).toBe('PUT');
  });

  it('sends a JSON Content-Type and the JSON body only when there is a body', async () => {
    const fetch = fakeFetch(async (_input, init) => (init?.method === 'GET' ? json({ environments: [] }) : json(secretEntity)));
    const { client } = setup({ fetch });
    await client.request(endpoints.listEnvironments());
    await client.request(endpoints.createSecret('app-1', createSecretBody('STRIPE_API_KEY', 'APIKey')));

    const get = call(fetch, 0);
    expect(get.headers.has('Content-Type')).toBe(false);
    expect(get.init.body).toBeUndefined();

    const post = call(fetch, 1);
    expect(post.headers.get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(post.init.body))).toEqual({
      name: 'STRIPE_API_KEY',
      purposeType: 'APIKey',
      environmentScopedValues: [],
    });
  });

  it("sends credentials: 'omit' and never puts the token into the URL", async () => {
    const { client, fetch } = setup({ session: { writeToken: WRITE_TOKEN }, fetch: fakeFetch(async () => json(secretEntity)) });
    await client.request(endpoints.setValue('app-1', 's-1', 'env-1', 'v'));
    await client.request(endpoints.getSecret('app-1', 's-1'));
    for (const n of [0, 1]) {
      const { url, init } = call(fetch, n);
      expect(init.credentials).toBe('omit');
      expect(url.href).not.toContain(READ_TOKEN);
      expect(url.href).not.toContain(WRITE_TOKEN);
      expect(decodeURIComponent(url.href)).not.toMatch(/token/i);
    }
  });

  it('repeats secret-name-filter once per name instead of comma-joining', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json(renderedBody)) });
    await client.request(
      endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'PreviewOnly', names: ['A', 'B,C', 'D'] }),
    );
    const { url } = call(fetch);
    expect(url.pathname).toBe('/api/apps/app-1/secrets/rendered');
    expect(url.searchParams.getAll('secret-name-filter')).toEqual(['A', 'B,C', 'D']);
    expect(url.search.match(/secret-name-filter=/g)).toHaveLength(3);
    expect(url.searchParams.get('environment')).toBe('env-1');
    expect(url.searchParams.get('mode')).toBe('PreviewOnly');
  });

  it('omits secret-name-filter when no names are given', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json(renderedBody)) });
    await client.request(endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'Full', names: [] }));
    expect(call(fetch).url.searchParams.has('secret-name-filter')).toBe(false);
  });

  it('keeps an app id with "/", "?" or "#" inside its path segment', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json({ id: 'x', name: 'x', slug: 'x' })) });
    await client.request(endpoints.getApp('team/app?x=1#frag', 'Name'));
    const { url } = call(fetch);
    expect(url.pathname).toBe('/api/apps/team%2Fapp%3Fx%3D1%23frag');
    expect(url.hash).toBe('');
    expect([...url.searchParams.entries()]).toEqual([['identifierType', 'Name']]);

    await client.request({ ...endpoints.getSecret('a/b', 's?1'), schema: appSchema });
    expect(call(fetch, 1).url.pathname).toBe('/api/apps/a%2Fb/secrets/s%3F1');
  });

  it('buildUrl joins a base with or without a trailing slash', () => {
    expect(buildUrl('/api/', '/environments', undefined, 'http://localhost').href).toBe('http://localhost/api/environments');
    expect(buildUrl('https://api.example.com', '/environments', { limit: 5 }, 'http://localhost').href).toBe(
      'https://api.example.com/environments?limit=5',
    );
  });
});

// -------------------------------------------------------------------------------------------------
describe('no token to other origins', () => {
  it('sends the token to an absolute API base on another origin than the page', async () => {
    const { client, fetch } = setup({ session: { baseUrl: 'https://api.example.com' } });
    await client.request(endpoints.listEnvironments());
    const { url, headers } = call(fetch);
    expect(url.origin).toBe('https://api.example.com');
    expect(url.pathname).toBe('/environments');
    expect(headers.get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
  });

  it.each(['https://evil.example/x', '\\\\evil.example/x'])(
    'sends no Authorization header when the path %j resolves to another origin',
    async (path) => {
      const { client, fetch } = setup({
        session: { baseUrl: 'https://api.example.com', writeToken: WRITE_TOKEN },
        fetch: fakeFetch(async () => json({ environments: [] })),
      });
      const endpoint: Endpoint<unknown> = { name: 'evil', method: 'GET', path, scope: 'read', schema: environmentsResponseSchema };
      await client.request(endpoint);
      const { url, headers, init } = call(fetch);
      expect(url.origin).toBe('https://evil.example');
      expect(headers.has('Authorization')).toBe(false);
      expect(JSON.stringify([...headers.entries()])).not.toContain(READ_TOKEN);
      expect(init.credentials).toBe('omit');
    },
  );

  it.each(['//evil.example/x', '/\\evil.example/x', 'https://evil.example/x', '\\\\evil.example/x', '///evil.example/x'])(
    'either keeps %j on the API origin or sends it without a token',
    async (path) => {
      const { client, fetch } = setup({ session: { baseUrl: 'https://api.example.com' } });
      const endpoint: Endpoint<unknown> = { name: 'evil', method: 'POST', path, scope: 'write', schema: environmentsResponseSchema, body: {} };
      await client.request(endpoint);
      const { url, headers } = call(fetch);
      if (url.origin === 'https://api.example.com') {
        expect(headers.get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);
      } else {
        expect(headers.has('Authorization')).toBe(false);
      }
    },
  );
});

// -------------------------------------------------------------------------------------------------
describe('error normalization', () => {
  const errorBody = (message: string, extra: Record<string, unknown> = {}) => ({
    requestId: 'req-123',
    error: 'SomeError',
    message,
    ...extra,
  });

  it.each([
    [400, { errorType: 'DataEntityNonSingular' }],
    [401, {}],
    [403, { errorType: 'Forbidden' }],
    [404, {}],
    [500, {}],
    [503, { errorType: 'Unavailable' }],
  ] as const)('HTTP %i → kind http with the server fields', async (status, extra) => {
    const { client } = setup({ fetch: fakeFetch(async () => json(errorBody(`server says ${status}`, extra), { status })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(error.endpoint).toBe('list environments');
    expect(error.message).toBe(`server says ${status}`);
    expect(error.requestId).toBe('req-123');
    expect(error.error).toBe('SomeError');
    expect(error.errorType).toBe('errorType' in extra ? extra.errorType : undefined);
    expect(error.isClientError).toBe(status < 500);
    expect(error.isServerError).toBe(status >= 500);
    expect(error.message).not.toContain(READ_TOKEN);
  });

  it('409 carries the entityId of the existing secret', async () => {
    const { client } = setup({
      session: { writeToken: WRITE_TOKEN },
      fetch: fakeFetch(async () => json(errorBody('A secret named X exists', { entityId: 'secret-42' }), { status: 409 })),
    });
    const error = await catchError(client.request(endpoints.createSecret('app-1', createSecretBody('X', 'Other'))));
    expect(error).toMatchObject({
      kind: 'http',
      status: 409,
      message: 'A secret named X exists',
      entityId: 'secret-42',
      requestId: 'req-123',
      endpoint: 'create secret',
    });
  });

  it('429 with Retry-After in seconds → retryAfterMs', async () => {
    const { client } = setup({
      fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429, headers: { 'Retry-After': '7' } })),
    });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error).toMatchObject({ kind: 'http', status: 429, message: 'slow down', retryAfterMs: 7_000 });
  });

  it('429 with Retry-After as an HTTP date → retryAfterMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const now = new Date('2030-01-01T12:00:00.000Z');
      vi.setSystemTime(now);
      const at = new Date(now.getTime() + 30_000).toUTCString();
      const { client } = setup({
        fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429, headers: { 'Retry-After': at } })),
      });
      const error = await catchError(client.request(endpoints.listEnvironments()));
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBe(30_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('429 without Retry-After has no retryAfterMs', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json(errorBody('slow down'), { status: 429 })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.retryAfterMs).toBeUndefined();
  });

  it.each([400, 401, 403, 404, 409, 429, 500, 503])('HTTP %i with a non-JSON body → a fallback message', async (status) => {
    const { client } = setup({
      fetch: fakeFetch(async () => new Response(`<html>${CANARY} ${READ_TOKEN}</html>`, { status, headers: { 'Content-Type': 'text/html' } })),
    });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toContain(CANARY);
    expect(error.message).not.toContain(READ_TOKEN);
    expect(error.requestId).toBeUndefined();
    expect(String(error.cause)).not.toContain(CANARY);
  });

  it('falls back to the status message when the JSON error body has no or a blank message', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ requestId: 'r-1', message: '   ' }, { status: 503 })) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.message).toMatch(/list environments/);
    expect(error.message).toMatch(/503/);
    expect(error.requestId).toBe('r-1');
  });

  it('never puts the token into the message, even if the server echoes it', async () => {
    const { client } = setup({
      session: { writeToken: WRITE_TOKEN },
      fetch: fakeFetch(async () =>
        json(
          { requestId: 'r-1', error: `bad ${WRITE_TOKEN}`, message: `Token ${READ_TOKEN} is not valid (also ${WRITE_TOKEN})` },
          { status: 401 },
        ),
      ),
    });
    const both: Endpoint<unknown>[] = [endpoints.listEnvironments(), endpoints.setValue('a', 's', 'e', 'v')];
    for (const endpoint of both) {
      const error = await catchError(client.request(endpoint));
      expect(error.status).toBe(401);
      for (const text of [error.message, String(error.error), String(error), JSON.stringify(error)]) {
        expect(text).not.toContain(READ_TOKEN);
        expect(text).not.toContain(WRITE_TOKEN);
      }
      expect(error.message).toMatch(/not valid/);
    }
  });

  it('a token that cannot be sent in a header gives an ApiError that does not quote the token', async () => {
    const badToken = `line1\n${CANARY}`;
    const { client, fetch } = setup({ session: { readToken: badToken } });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(CANARY);
    expect(String(error.cause)).not.toContain(CANARY);
    expect(fetch).not.toHaveBeenCalled();
  });
});

// -------------------------------------------------------------------------------------------------
describe('onUnauthorized', () => {
  it('is called once per session even after several 401s, and again after a new setSession', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ message: 'no' }, { status: 401 })) });
    const listener = vi.fn();
    const other = vi.fn();
    client.onUnauthorized(listener);
    const unsubscribe = client.onUnauthorized(other);

    await catchError(client.request(endpoints.listEnvironments()));
    await catchError(client.request(endpoints.listApps()));
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).toHaveBeenCalledTimes(1);

    unsubscribe();
    client.setSession({ baseUrl: '/api', readToken: 'another-token' });
    await catchError(client.request(endpoints.listEnvironments()));
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('is not called for other statuses', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => json({ message: 'no' }, { status: 403 })) });
    const listener = vi.fn();
    client.onUnauthorized(listener);
    await catchError(client.request(endpoints.listEnvironments()));
    expect(listener).not.toHaveBeenCalled();
  });

  it('a 401 answering a request of an earlier session does not sign the new session out', async () => {
    let answer!: (r: Response) => void;
    const fetch = fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { client } = setup({ fetch });
    const listener = vi.fn();
    client.onUnauthorized(listener);
    const pending = client.request(endpoints.listEnvironments());
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    client.setSession({ baseUrl: '/api', readToken: 'fresh-token' });
    answer(json({ message: 'expired' }, { status: 401 }));
    await catchError(pending);
    expect(listener).not.toHaveBeenCalled();
  });
});

// -------------------------------------------------------------------------------------------------
describe('transport failures', () => {
  /** A fetch that answers only by rejecting when its signal aborts, like the real one. */
  const hangingFetch = () =>
    fakeFetch(
      (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init?.signal;
          const fail = () => reject(new DOMException('This operation was aborted', 'AbortError'));
          if (signal?.aborted) fail();
          else signal?.addEventListener('abort', fail, { once: true });
        }),
    );

  it("a rejected fetch (TypeError) → kind 'network'", async () => {
    const { client } = setup({ fetch: fakeFetch(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.endpoint).toBe('list environments');
    expect(error.message).toMatch(/list environments/);
  });

  it("no answer within timeoutMs → kind 'timeout'", async () => {
    const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 20 });
    const started = Date.now();
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(call(fetch).init.signal?.aborted).toBe(true);
  });

  it('a per-request timeoutMs overrides the default', async () => {
    const { client } = setup({ fetch: hangingFetch(), timeoutMs: 60_000 });
    const error = await catchError(client.request(endpoints.listEnvironments(), { timeoutMs: 10 }));
    expect(error.kind).toBe('timeout');
  });

  it('a quick answer is not turned into a timeout later', async () => {
    const { client, fetch } = setup({ timeoutMs: 20 });
    await expect(client.request(endpoints.listEnvironments())).resolves.toEqual({ environments: [] });
    await new Promise((r) => setTimeout(r, 40));
    expect(call(fetch).init.signal?.aborted).toBe(false);
  });

  it("the caller's signal aborting → kind 'aborted'", async () => {
    const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.request(endpoints.listEnvironments(), { signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    controller.abort();
    const error = await catchError(pending);
    expect(error.kind).toBe('aborted');
  });

  it("a caller signal that is already aborted → kind 'aborted'", async () => {
    const { client, fetch } = setup({ fetch: hangingFetch(), timeoutMs: 5_000 });
    const error = await catchError(client.request(endpoints.listEnvironments(), { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
    if (fetch.mock.calls.length > 0) expect(call(fetch).init.signal?.aborted).toBe(true);
  });
});

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

// -------------------------------------------------------------------------------------------------
describe('ETag cache', () => {
  /** Answers 200 + ETag unless If-None-Match matches, then 304. */
  function etagServer(etag = '"v1"', body: unknown = renderedBody) {
    return fakeFetch(async (_input, init) => {
      const sent = new Headers(init?.headers).get('If-None-Match');
      if (sent === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
      return json(body, { headers: { ETag: etag } });
    });
  }

  it('remembers a PreviewOnly ETag, sends If-None-Match next time and answers a 304 from memory', async () => {
    const fetch = etagServer();
    const { client } = setup({ fetch });
    const first = await client.request(preview());
    expect(call(fetch, 0).headers.has('If-None-Match')).toBe(false);

    const second = await client.request(preview());
    expect(call(fetch, 1).headers.get('If-None-Match')).toBe('"v1"');
    expect(second).toEqual(first);
    expect(second).toEqual(renderedBody);
  });

  it('does not send If-None-Match for a different request (other env / filter)', async () => {
    const fetch = etagServer();
    const { client } = setup({ fetch });
    await client.request(preview());
    await client.request(endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-2', mode: 'PreviewOnly' }));
    await client.request(endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'PreviewOnly', names: ['A'] }));
    expect(call(fetch, 1).headers.has('If-None-Match')).toBe(false);
    expect(call(fetch, 2).headers.has('If-None-Match')).toBe(false);
  });

  it('never caches Full mode and never sends If-None-Match for it', async () => {
    const fetch = etagServer();
    const { client } = setup({ fetch });
    await client.request(full());
    await client.request(full());
    expect(call(fetch, 0).headers.has('If-None-Match')).toBe(false);
    expect(call(fetch, 1).headers.has('If-None-Match')).toBe(false);
    // and a Full response does not seed the PreviewOnly cache either
    await client.request(preview());
    expect(call(fetch, 2).headers.has('If-None-Match')).toBe(false);
  });

  it('a 304 in Full mode (nothing cached) → unexpected-response', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => new Response(null, { status: 304 })) });
    const error = await catchError(client.request(full()));
    expect(error.kind).toBe('unexpected-response');
  });

  it('setSession forgets ETags', async () => {
    const fetch = etagServer();
    const { client } = setup({ fetch });
    await client.request(preview());
    client.setSession({ baseUrl: '/api', readToken: READ_TOKEN });
    await client.request(preview());
    expect(call(fetch, 1).headers.has('If-None-Match')).toBe(false);
  });

  it('clearCache forgets ETags', async () => {
    const fetch = etagServer();
    const { client } = setup({ fetch });
    await client.request(preview());
    client.clearCache();
    await client.request(preview());
    expect(call(fetch, 1).headers.has('If-None-Match')).toBe(false);
  });

  it('does not cache a response that arrives after the session changed', async () => {
    let answer!: (r: Response) => void;
    const fetch = fakeFetch(async (_input, init) => {
      if (fetch.mock.calls.length === 1) return new Promise<Response>((resolve) => (answer = resolve));
      expect(new Headers(init?.headers).has('If-None-Match')).toBe(false);
      return json(renderedBody, { headers: { ETag: '"v2"' } });
    });
    const { client } = setup({ fetch });
    const pending = client.request(preview());
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    client.setSession({ baseUrl: '/api', readToken: 'someone-else' });
    answer(json(renderedBody, { headers: { ETag: '"v1"' } }));
    await pending;
    await client.request(preview());
    expect(call(fetch, 1).headers.has('If-None-Match')).toBe(false);
  });

  it('a 304 with no cached copy → unexpected-response', async () => {
    const { client } = setup({ fetch: fakeFetch(async () => new Response(null, { status: 304, headers: { ETag: '"v1"' } })) });
    const error = await catchError(client.request(preview()));
    expect(error.kind).toBe('unexpected-response');
    expect(error.message).toContain('list secrets');
  });

  it('a changed resource (new ETag, 200) replaces the cached copy', async () => {
    let version = 1;
    const fetch = fakeFetch(async (_input, init) => {
      const sent = new Headers(init?.headers).get('If-None-Match');
      const etag = `"v${version}"`;
      if (sent === etag) return new Response(null, { status: 304 });
      return json({ ...renderedBody, incrementalId: version }, { headers: { ETag: etag } });
    });
    const { client } = setup({ fetch });
    expect((await client.request(preview())).incrementalId).toBe(1);
    version = 2;
    expect((await client.request(preview())).incrementalId).toBe(2);
    expect(call(fetch, 1).headers.get('If-None-Match')).toBe('"v1"');
    expect((await client.request(preview())).incrementalId).toBe(2);
    expect(call(fetch, 2).headers.get('If-None-Match')).toBe('"v2"');
  });
});

// -------------------------------------------------------------------------------------------------
describe('without a session', () => {
  it('fails with status 401 and does not call fetch', async () => {
    const { client, fetch } = setup({ session: null });
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(401);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails again after setSession(null)', async () => {
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json({ id: 'a', name: 'a', slug: 'a' })) });
    await client.request({ name: 'app', method: 'GET', path: '/apps/a', scope: 'read', schema: appSchema });
    client.setSession(null);
    expect(client.session).toBeNull();
    const error = await catchError(client.request(endpoints.listEnvironments()));
    expect(error.status).toBe(401);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

// -------------------------------------------------------------------------------------------------
describe('responses sent early by the entry chunk (early-responses.ts)', () => {
  const ENV_URL = new URL('http://localhost/api/environments');
  const earlyBody = { environments: [{ id: 'env_1', slug: 'dev', name: 'Dev', label: 'dev', extra: CANARY }] };

  /** The page's global fetch (the early sender's), answering when told. */
  function globalFetch() {
    const answers: ((response: Response) => void)[] = [];
    const fetch = vi.fn<FetchImpl>(
      (_input, init) =>
        new Promise<Response>((resolve, reject) => {
          answers.push(resolve);
          init?.signal?.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')));
        }),
    );
    vi.stubGlobal('fetch', fetch);
    return { fetch, answer: (response: Response) => answers.shift()!(response) };
  }

  afterEach(() => {
    discardEarlyResponses();
    vi.unstubAllGlobals();
  });

  it('takes the response in flight instead of asking again, and parses it with the schema', async () => {
    const early = globalFetch();
    void sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client, fetch } = setup();
    const pending = client.request(endpoints.listEnvironments());
    early.answer(json(earlyBody));
    await expect(pending).resolves.toEqual({ environments: [{ id: 'env_1', slug: 'dev', name: 'Dev', label: 'dev' }] });
    expect(fetch).not.toHaveBeenCalled();
    expect(early.fetch).toHaveBeenCalledTimes(1);
    // Once only: the next request asks the API.
    await client.request(endpoints.listEnvironments());
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('parses the body the first paint has already read, without reading it again', async () => {
    const early = globalFetch();
    const sent = sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const response = json(earlyBody);
    const read = vi.spyOn(response, 'json');
    early.answer(response);
    await sent.json(); // the first paint's read
    const { client } = setup();
    await expect(client.request(endpoints.listEnvironments())).resolves.toEqual({ environments: [{ id: 'env_1', slug: 'dev', name: 'Dev', label: 'dev' }] });
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('an early answer that does not match the schema is an unexpected-response, like any other', async () => {
    const early = globalFetch();
    void sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup();
    const pending = client.request(endpoints.listEnvironments());
    early.answer(json({ environments: [{ id: 1 }] }));
    expect((await catchError(pending)).kind).toBe('unexpected-response');
  });

  it('an early error status becomes the same ApiError (and a 401 signs out)', async () => {
    const early = globalFetch();
    void sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup();
    const unauthorized = vi.fn();
    client.onUnauthorized(unauthorized);
    const pending = client.request(endpoints.listEnvironments());
    early.answer(json({ message: 'Token expired', requestId: 'req_1' }, { status: 401 }));
    const error = await catchError(pending);
    expect([error.status, error.message, error.requestId]).toEqual([401, 'Token expired', 'req_1']);
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });

  it('is not taken by a session with another token (and is aborted)', async () => {
    const early = globalFetch();
    const sent = sendEarly(ENV_URL, 'Bearer some-older-token');
    const { client, fetch } = setup();
    await client.request(endpoints.listEnvironments());
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(sent.response).rejects.toThrow(/aborted/);
    expect(early.fetch).toHaveBeenCalledTimes(1);
  });

  it('a network failure of the early request is a network ApiError', async () => {
    vi.stubGlobal('fetch', vi.fn<FetchImpl>(() => Promise.reject(new TypeError('Failed to fetch'))));
    void sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup();
    expect((await catchError(client.request(endpoints.listEnvironments()))).kind).toBe('network');
  });

  it('the timeout applies to an early request too, and aborts it', async () => {
    const early = globalFetch();
    const sent = sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup({ timeoutMs: 20 });
    expect((await catchError(client.request(endpoints.listEnvironments()))).kind).toBe('timeout');
    await expect(sent.response).rejects.toThrow(/aborted/);
    expect(early.fetch).toHaveBeenCalledTimes(1);
  });

  it("the caller's signal aborts an early request", async () => {
    globalFetch();
    const sent = sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const pending = client.request(endpoints.listEnvironments(), { signal: controller.signal });
    controller.abort();
    expect((await catchError(pending)).kind).toBe('aborted');
    await expect(sent.response).rejects.toThrow(/aborted/);
  });

  it('a request with an ETag to send does not take an early response', async () => {
    const listUrl = new URL('http://localhost/api/apps/app_1/secrets/rendered?environment=env_1&mode=PreviewOnly');
    const { client, fetch } = setup({ fetch: fakeFetch(async () => json(renderedBody, { headers: { ETag: '"v1"' } })) });
    const endpoint = endpoints.renderedSecrets({ appId: 'app_1', envId: 'env_1', mode: 'PreviewOnly' });
    await client.request(endpoint);
    globalFetch();
    const sent = sendEarly(listUrl, `Bearer ${READ_TOKEN}`);
    await client.request(endpoint);
    expect(call(fetch, 1).headers.get('If-None-Match')).toBe('"v1"');
    expect(takeEarlyResponse(listUrl.href, `Bearer ${READ_TOKEN}`)).toBeDefined();
    void sent.response.catch(() => undefined);
  });

  it('signing out aborts early requests nobody took', async () => {
    globalFetch();
    const sent = sendEarly(ENV_URL, `Bearer ${READ_TOKEN}`);
    const { client } = setup();
    client.setSession(null);
    await expect(sent.response).rejects.toThrow(/aborted/);
  });
});
