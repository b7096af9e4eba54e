// @vitest-environment node
/** The API client's ETag cache of masked lists (never of revealed values). */
import { endpoints } from './contract';
import { READ_TOKEN, call, catchError, fakeFetch, full, json, preview, renderedBody, setup } from './client-test-helpers';

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
