// @vitest-environment node
/** The API client's requests: which token goes where, headers, body and URL. */
import { buildUrl } from './client';
import { appSchema, createSecretBody, endpoints, environmentsResponseSchema, type Endpoint } from './contract';
import { READ_TOKEN, WRITE_TOKEN, call, fakeFetch, json, renderedBody, secretEntity, setup } from './client-test-helpers';

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
