/** Shared by the API client's tests (client.*.test.ts): a client with a fake fetch, and canned answers. */
import { ApiClient, type ApiSession } from './client';
import { ApiError } from './api-error';
import { endpoints, VALUE_TYPE, type RenderedSecretsResponse } from './contract';

export const READ_TOKEN = 'read-token-R3AD-0123456789';
export const WRITE_TOKEN = 'write-token-WR1TE-0123456789';
export const CANARY = 'CANARY-123';

type FetchArgs = [input: RequestInfo | URL, init?: RequestInit];
export type FetchImpl = (...args: FetchArgs) => Promise<Response>;

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', 'application/json');
  return new Response(JSON.stringify(body), { status: 200, ...init, headers });
}

export function fakeFetch(impl: FetchImpl = async () => json({ environments: [] })) {
  return vi.fn<FetchImpl>(impl);
}

export function setup(options: { session?: Partial<ApiSession> | null; fetch?: ReturnType<typeof fakeFetch>; timeoutMs?: number } = {}) {
  const fetch = options.fetch ?? fakeFetch();
  const client = new ApiClient({ fetch, origin: 'http://localhost', timeoutMs: options.timeoutMs ?? 1_000 });
  if (options.session !== null) {
    client.setSession({ baseUrl: '/api', readToken: READ_TOKEN, ...options.session });
  }
  return { client, fetch };
}

/** The URL and init of the n-th fetch call (0-based). */
export function call(fetch: ReturnType<typeof fakeFetch>, n = 0): { url: URL; init: RequestInit; headers: Headers } {
  const args = fetch.mock.calls[n];
  if (!args) throw new Error(`fetch was not called ${n + 1} time(s)`);
  const [input, init = {}] = args;
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  return { url, init, headers: new Headers(init.headers) };
}

export async function catchError(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the request to fail');
}

export const renderedBody: RenderedSecretsResponse = {
  changelogId: 'cl-1',
  secretDigest: 'digest-1',
  incrementalId: 42,
  secrets: [
    { key: 'STRIPE_API_KEY', secretId: 's-1', valueType: VALUE_TYPE.string, serializedValue: '••••••' },
    { key: 'EMPTY', secretId: 's-2', valueType: VALUE_TYPE.none },
  ],
};

export const secretEntity = {
  id: 's-1',
  name: 'STRIPE_API_KEY',
  slug: 'stripe-api-key',
  purposeType: 'APIKey',
  environmentScopedValues: [],
};

export const preview = () => endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'PreviewOnly' });
export const full = () => endpoints.renderedSecrets({ appId: 'app-1', envId: 'env-1', mode: 'Full' });
