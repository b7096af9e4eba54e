// @vitest-environment node
import { discardEarlyResponses, takeEarlyResponse } from '@/api/early-responses';
import { environmentIdForSlug, sendEarlyRequests, type PaintFirstPage } from './early-requests';

type FetchImpl = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

const ORIGIN = 'http://localhost:4173';
const PAGE = { pathname: '/apps/app_1/development', origin: ORIGIN, search: '' };
const SESSION = { baseUrl: '/api', readToken: 'read-token-0123', demo: false };
const AUTH = 'Bearer read-token-0123';
const ENVIRONMENTS = {
  environments: [
    { id: 'env_prod', slug: 'production', name: 'Production', label: 'prod' },
    { id: 'env_dev', slug: 'development', name: 'Development', label: 'dev' },
  ],
};
const APP = { id: 'app_1', name: 'payments-api', slug: 'payments-api' };
const LIST = { secrets: [{ secretId: 's1', key: 'API_KEY', valueType: 'urn:rendered-app-secret:value-type:String', serializedValue: 'sk••••' }] };
const ENV_URL = `${ORIGIN}/api/environments`;
const APP_URL = `${ORIGIN}/api/apps/app_1?identifierType=Identifier`;
const LIST_URL = `${ORIGIN}/api/apps/app_1/secrets/rendered?environment=env_dev&mode=PreviewOnly`;

/** A global fetch answering the environment list with `envResponse` and anything else with `{}`. */
function stubFetch(envResponse: () => Promise<Response> = async () => Response.json(ENVIRONMENTS)) {
  const fetch = vi.fn<FetchImpl>((input) => (String(input) === ENV_URL ? envResponse() : Promise.resolve(Response.json({}))));
  vi.stubGlobal('fetch', fetch);
  return { fetch, urls: () => fetch.mock.calls.map(([input]) => String(input)) };
}

afterEach(() => {
  discardEarlyResponses();
  vi.unstubAllGlobals();
});

describe('environmentIdForSlug', () => {
  it('finds the id of the slug', () => {
    expect(environmentIdForSlug(ENVIRONMENTS, 'development')).toBe('env_dev');
  });

  it.each([
    ['an unknown slug', ENVIRONMENTS, 'staging'],
    ['no list', {}, 'development'],
    ['a list that is not an array', { environments: 'development' }, 'development'],
    ['an entry without an id', { environments: [{ slug: 'development' }] }, 'development'],
    ['an id that is not a string', { environments: [{ slug: 'development', id: 7 }] }, 'development'],
    ['an empty id', { environments: [{ slug: 'development', id: '' }] }, 'development'],
    ['null', null, 'development'],
    ['a string', 'development', 'development'],
  ])('gives nothing for %s', (_what, body, slug) => {
    expect(environmentIdForSlug(body, slug)).toBeUndefined();
  });

  it('skips entries that are not objects', () => {
    expect(environmentIdForSlug({ environments: [null, 'x', { slug: 'development', id: 'env_dev' }] }, 'development')).toBe('env_dev');
  });
});

describe('sendEarlyRequests', () => {
  it('on a secrets page: the environment list and the app at once, then the masked list of the slug’s environment', async () => {
    const { fetch, urls } = stubFetch();
    await sendEarlyRequests(undefined, PAGE, SESSION);
    expect(urls()).toEqual([APP_URL, ENV_URL, LIST_URL]);
    for (const [, init] of fetch.mock.calls) {
      expect(new Headers(init?.headers).get('Authorization')).toBe(AUTH);
      expect(init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store' });
    }
    // Each is waiting for the API client, once, with the same token.
    for (const url of [ENV_URL, APP_URL, LIST_URL]) expect(takeEarlyResponse(url, AUTH)).toBeDefined();
  });

  it('hands the environment list’s parse to the API client (its body is read once)', async () => {
    stubFetch();
    await sendEarlyRequests(undefined, PAGE, SESSION, () => undefined);
    await expect(takeEarlyResponse(ENV_URL, AUTH)!.json()).resolves.toEqual(ENVIRONMENTS);
  });

  it('with the list in, draws the first paint from the three bodies, then resolves', async () => {
    let answerList: (r: Response) => void = () => undefined;
    const fetch = vi.fn<FetchImpl>((input) => {
      const url = String(input);
      if (url === LIST_URL) return new Promise<Response>((resolve) => (answerList = resolve));
      return Promise.resolve(Response.json(url === APP_URL ? APP : ENVIRONMENTS));
    });
    vi.stubGlobal('fetch', fetch);
    const paint = vi.fn<PaintFirstPage>();
    let done = false;
    const sent = sendEarlyRequests(undefined, PAGE, SESSION, paint).then(() => (done = true));
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    expect(done).toBe(false);
    answerList(Response.json(LIST));
    await sent;
    expect(paint).toHaveBeenCalledExactlyOnceWith({ appId: 'app_1', envSlug: 'development', app: APP, environments: ENVIRONMENTS, list: LIST });
    // The API client reads the same parse.
    await expect(takeEarlyResponse(LIST_URL, AUTH)!.json()).resolves.toBe(paint.mock.calls[0]![0].list);
  });

  it('draws the first paint without the app’s name when its lookup fails (the page then shows the id)', async () => {
    const fetch = vi.fn<FetchImpl>((input) => {
      const url = String(input);
      if (url === APP_URL) return Promise.resolve(Response.json({ message: 'gone' }, { status: 404 }));
      return Promise.resolve(Response.json(url === LIST_URL ? LIST : ENVIRONMENTS));
    });
    vi.stubGlobal('fetch', fetch);
    const paint = vi.fn<PaintFirstPage>();
    await sendEarlyRequests(undefined, PAGE, SESSION, paint);
    expect(paint).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ app: undefined, list: LIST }));
  });

  it.each([
    ['an error status', async () => Response.json({ message: 'no' }, { status: 403 })],
    ['a body that is not JSON', async () => new Response('<html>')],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('draws no first paint after a list with %s (the page shows what the client makes of it)', async (_what, listResponse) => {
    vi.stubGlobal('fetch', vi.fn<FetchImpl>((input) => (String(input) === LIST_URL ? listResponse() : Promise.resolve(Response.json(ENVIRONMENTS)))));
    const paint = vi.fn<PaintFirstPage>();
    await expect(sendEarlyRequests(undefined, PAGE, SESSION, paint)).resolves.toBeUndefined();
    expect(paint).not.toHaveBeenCalled();
  });

  it('with a search in the URL: sends the list, draws no first paint, resolves once the list has left', async () => {
    let answerList: (r: Response) => void = () => undefined;
    const fetch = vi.fn<FetchImpl>((input) =>
      String(input) === LIST_URL ? new Promise<Response>((resolve) => (answerList = resolve)) : Promise.resolve(Response.json(ENVIRONMENTS)),
    );
    vi.stubGlobal('fetch', fetch);
    const paint = vi.fn<PaintFirstPage>();
    await sendEarlyRequests(undefined, { ...PAGE, search: '?q=stripe' }, SESSION, paint);
    expect(fetch).toHaveBeenCalledTimes(3);
    answerList(Response.json(LIST));
    await takeEarlyResponse(LIST_URL, AUTH)!.response;
    expect(paint).not.toHaveBeenCalled();
  });

  it.each([
    ['another page', { ...PAGE, pathname: '/apps' }, SESSION, undefined],
    ['a secret page', { ...PAGE, pathname: '/apps/app_1/secrets/sec_1' }, SESSION, undefined],
    ['no session', PAGE, undefined, undefined],
    ['a session that is not an object', PAGE, 'token', undefined],
    ['a session without a read token', PAGE, { baseUrl: '/api', readToken: '' }, undefined],
    ['a session without a base URL', PAGE, { readToken: 'x' }, undefined],
    ['a demo session', PAGE, { ...SESSION, demo: true }, undefined],
    ['the demo config', PAGE, SESSION, { demo: true }],
  ])('sends nothing for %s', async (_what, page, session, config) => {
    const { fetch } = stubFetch();
    await sendEarlyRequests(config, page, session);
    expect(fetch).not.toHaveBeenCalled();
  });

  it.each([
    ['an error status', async () => Response.json({ message: 'no' }, { status: 403 })],
    ['a body that is not JSON', async () => new Response('<html>')],
    ['a list without the slug', async () => Response.json({ environments: [] })],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('sends no list after %s, and does not throw', async (_what, envResponse) => {
    const { urls } = stubFetch(envResponse);
    await expect(sendEarlyRequests(undefined, PAGE, SESSION)).resolves.toBeUndefined();
    expect(urls()).toEqual([APP_URL, ENV_URL]);
  });

  it('a token a header cannot carry sends nothing and does not throw', async () => {
    const { fetch } = stubFetch();
    await expect(sendEarlyRequests(undefined, PAGE, { ...SESSION, readToken: 'abc\ndef' })).resolves.toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('an absolute API base URL is used as given (cross-origin API)', async () => {
    const { urls } = stubFetch(async () => Response.json(ENVIRONMENTS));
    await sendEarlyRequests(undefined, PAGE, { ...SESSION, baseUrl: 'https://api.example.com/v1/' });
    expect(urls()[0]).toBe('https://api.example.com/v1/apps/app_1?identifierType=Identifier');
    expect(urls()[1]).toBe('https://api.example.com/v1/environments');
  });
});
