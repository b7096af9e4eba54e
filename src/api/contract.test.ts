// @vitest-environment node
/**
 * The requests the dashboard sends, checked against the facts of ../shared/api-contract.md (the
 * service's guide, SDK spec and its CLI): method, path, query and body of every call, written out
 * here by hand so that a change in the contract module shows up as a failing line.
 */
import { ApiClient } from './client';
import { createdSecretSchema, createSecretBody, endpoints, setValueBody, type Endpoint } from './contract';

type Sent = { method: string; path: string; query: [string, string][]; body: unknown; contentType: string | null };

async function send(endpoint: Endpoint<unknown>, answer: Response = new Response(null, { status: 204 })): Promise<Sent> {
  let sent: Sent | undefined;
  const client = new ApiClient({
    origin: 'http://localhost',
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const headers = new Headers(init?.headers);
      sent = {
        method: init?.method ?? 'GET',
        path: url.pathname.replace(/^\/api/, ''),
        query: [...url.searchParams.entries()],
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
        contentType: headers.get('Content-Type'),
      };
      return answer;
    },
  });
  client.setSession({ baseUrl: '/api', readToken: 'r' });
  await client.request(endpoint).catch(() => undefined);
  if (!sent) throw new Error('nothing was sent');
  return sent;
}

describe('request paths, as the service and its CLI have them', () => {
  it.each<[string, Endpoint<unknown>, string, string, [string, string][]]>([
    ['list environments', endpoints.listEnvironments(), 'GET', '/environments', []],
    ['list apps (assumed)', endpoints.listApps(), 'GET', '/apps', []],
    ['look up an app by name', endpoints.getApp('payments', 'Name'), 'GET', '/apps/payments', [['identifierType', 'Name']]],
    ['read one secret', endpoints.getSecret('app_1', 'sec_1'), 'GET', '/apps/app_1/secrets/sec_1', []],
    ['create a secret', endpoints.createSecret('app_1', createSecretBody('K', 'Other')), 'POST', '/apps/app_1/secrets', []],
    [
      'set a value: `values`, plural',
      endpoints.setValue('app_1', 'sec_1', 'env_1', 'v'),
      'PUT',
      '/apps/app_1/secrets/sec_1/environments/env_1/values',
      [],
    ],
    [
      'rendered secrets',
      endpoints.renderedSecrets({ appId: 'app_1', envId: 'env_1', mode: 'PreviewOnly', names: ['A', 'B'] }),
      'GET',
      '/apps/app_1/secrets/rendered',
      [
        ['environment', 'env_1'],
        ['mode', 'PreviewOnly'],
        ['secret-name-filter', 'A'],
        ['secret-name-filter', 'B'],
      ],
    ],
  ])('%s', async (_name, endpoint, method, path, query) => {
    const sent = await send(endpoint);
    expect([sent.method, sent.path, sent.query]).toEqual([method, path, query]);
  });
});

describe('request bodies', () => {
  it('create: name, purposeType and an empty environmentScopedValues; never a providerId', async () => {
    const sent = await send(endpoints.createSecret('app_1', createSecretBody('STRIPE_API_KEY', 'APIKey')));
    expect(sent.contentType).toBe('application/json');
    expect(sent.body).toStrictEqual({ name: 'STRIPE_API_KEY', purposeType: 'APIKey', environmentScopedValues: [] });
    expect(sent.body).not.toHaveProperty('providerId');
  });

  it('set value: the fixed fields, the text exactly as given, no activity', async () => {
    const text = '  line 1\nline 2\t ';
    const sent = await send(endpoints.setValue('app_1', 'sec_1', 'env_1', text));
    expect(sent.contentType).toBe('application/json');
    expect(sent.body).toStrictEqual({
      valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret',
      hidden: false,
      kvAppSecretValue: { typeHint: 'urn:app-secret:kv-secret-value:textType', text },
    });
    expect(setValueBody(text)).not.toHaveProperty('activity');
  });

  it('reads send no body', async () => {
    const sent = await send(endpoints.listEnvironments());
    expect([sent.body, sent.contentType]).toEqual([undefined, null]);
  });
});

describe('what writes require of the answer', () => {
  it('create needs only a string id; anything else may be missing or extra', () => {
    expect(createdSecretSchema.safeParse({ id: 'sec_1' }).success).toBe(true);
    expect(createdSecretSchema.safeParse({ id: 'sec_1', name: 'K', slug: 'k', extra: [1] }).success).toBe(true);
    expect(createdSecretSchema.safeParse({ name: 'K', slug: 'k' }).success).toBe(false);
    expect(createdSecretSchema.safeParse({ id: 7 }).success).toBe(false);
  });
});
