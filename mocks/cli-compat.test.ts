// @vitest-environment node
/// <reference types="node" />
/**
 * The service's own CLI against the HTTP fake, over real sockets: `commandk secrets import` sends
 * exactly these requests (dev.commandk.cli: ImportCommand, DefaultCommandKApi, api-models.kt), at
 * the root of the API, in this order, with these bodies. One run per write-responses mode.
 * No msw setupServer in this file (it would intercept these fetches).
 */
import {
  apiErrorBodySchema,
  environmentsResponseSchema,
  renderedSecretsResponseSchema,
  secretEntitySchema,
  VALUE_TYPE,
} from '../src/api/contract.ts';
import { FAKE_TOKENS } from './auth.ts';
import { WRITE_RESPONSES, type WriteResponses } from './context.ts';
import { startHttpFake, type HttpFake } from './http-server.ts';
import { FIRST_APP_ID, OTHER_PROVIDER } from './seed.ts';

/** What the CLI's HTTP client (ktor, curl engine) sends on every request. */
const CLI_HEADERS = {
  Authorization: `Bearer ${FAKE_TOKENS.readWrite}`,
  'x-commandk-cli-access-params': 'api-access-token',
  'User-Agent': 'commandk-cli/0.0.0 os: LINUX, arch: X64',
  Accept: 'application/json',
};

/** The CLI's CommandKAppSecretDescriptor: `id`, `name` and `slug`, all required strings. */
function cliReadsDescriptor(body: unknown): boolean {
  const record = body as Record<string, unknown> | null;
  return typeof record === 'object' && record !== null && ['id', 'name', 'slug'].every((key) => typeof record[key] === 'string');
}

const EXPECTED: Record<WriteResponses, { createStatus: number; putStatus: number }> = {
  minimal: { createStatus: 201, putStatus: 200 },
  empty: { createStatus: 201, putStatus: 204 },
  entity: { createStatus: 201, putStatus: 200 },
};

describe.each(WRITE_RESPONSES)('the CLI import against the fake started with --write-responses %s', (mode) => {
  let fake: HttpFake;
  beforeAll(async () => {
    fake = await startHttpFake({ port: 0, writeResponses: mode });
  });
  afterAll(() => fake.close());

  const get = (path: string) => fetch(`${fake.url}${path}`, { headers: CLI_HEADERS });
  const send = (method: 'POST' | 'PUT', path: string, body: unknown) =>
    fetch(`${fake.url}${path}`, { method, headers: { ...CLI_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('finds the environment, the "Other" provider and the app, creates the secret and sets its value; again: 409, then the value', async () => {
    // findEnvironmentByNameOrSlug
    const { environments } = environmentsResponseSchema.parse(await (await get('/environments')).json());
    const environment = environments.find((env) => env.name === 'development' || env.slug === 'development');
    expect(environment).toBeDefined();
    const envId = environment!.id;

    // getDefaultProviderId: GET /providers, the one named "Other"
    const providersResponse = await get('/providers');
    expect(providersResponse.status).toBe(200);
    const { providers } = (await providersResponse.json()) as { providers: Array<{ id: string; name: string; slug: string }> };
    const providerId = providers.find((provider) => provider.name === 'Other')?.id;
    expect(providerId).toBe(OTHER_PROVIDER.id);

    // getCatalogApp
    const app = (await (await get('/apps/payments-api?identifierType=Name')).json()) as { id: string; name: string; slug: string };
    expect(app).toEqual({ id: FIRST_APP_ID, name: 'payments-api', slug: 'payments-api' });

    // writeSecretValue: CommandKCreateAppSecretRequest, purposeType defaulted to "Other"
    const name = `CLI_IMPORTED_${mode.toUpperCase()}`;
    const created = await send('POST', `/apps/${app.id}/secrets`, { name, providerId, environmentScopedValues: [], purposeType: 'Other' });
    expect(created.status).toBe(EXPECTED[mode].createStatus);
    const createdBody = (await created.json()) as Record<string, unknown>;
    const secretId = fake.context.store.getSecretByName(app.id, name)?.id;
    expect(secretId).toBeDefined();
    if (mode === 'minimal') expect(createdBody).toEqual({ id: secretId, name, slug: 'cli-imported-minimal' });
    if (mode === 'empty') expect(createdBody).toEqual({ id: secretId });
    if (mode === 'entity') {
      const entity = secretEntitySchema.parse(createdBody);
      expect(entity).toMatchObject({ id: secretId, name, purposeType: 'Other' });
      expect(entity.environmentScopedValues).toHaveLength(environments.length);
    }
    // The current CLI decodes { id, name, slug }: the `empty` mode is leaner than it can read.
    expect(cliReadsDescriptor(createdBody)).toBe(mode !== 'empty');

    // writeSecretValues: CommandKAppSecretValue, activity null, defaults encoded
    const valuesPath = `/apps/${app.id}/secrets/${secretId}/environments/${envId}/values`;
    const value = { kvAppSecretValue: { text: 'imported by the CLI ✓', typeHint: 'urn:app-secret:kv-secret-value:textType' }, activity: null, hidden: false, valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret' };
    const put = await send('PUT', valuesPath, value);
    expect(put.status).toBe(EXPECTED[mode].putStatus);
    const putText = await put.text();
    if (mode === 'entity') expect(secretEntitySchema.parse(JSON.parse(putText)).id).toBe(secretId);
    else expect(putText).toBe('');
    if (mode === 'empty') expect(put.headers.get('Content-Type')).toBeNull();
    // The CLI counts 200..209 as success.
    expect(put.status).toBeGreaterThanOrEqual(200);
    expect(put.status).toBeLessThanOrEqual(209);

    // Importing again: 409, whose body the CLI decodes as Map<String, String> to read entityId.
    const again = await send('POST', `/apps/${app.id}/secrets`, { name, providerId, environmentScopedValues: [], purposeType: 'Other' });
    expect(again.status).toBe(409);
    const conflict = (await again.json()) as Record<string, unknown>;
    expect(apiErrorBodySchema.parse(conflict).entityId).toBe(secretId);
    expect(Object.values(conflict).every((field) => typeof field === 'string')).toBe(true);
    const replaced = await send('PUT', valuesPath, { ...value, kvAppSecretValue: { ...value.kvAppSecretValue, text: 'imported twice' } });
    expect(replaced.status).toBe(EXPECTED[mode].putStatus);

    const rendered = renderedSecretsResponseSchema.parse(
      await (await get(`/apps/${app.id}/secrets/rendered?environment=${envId}&mode=Full&secret-name-filter=${name}`)).json(),
    );
    expect(rendered.secrets).toEqual([{ key: name, secretId, valueType: VALUE_TYPE.string, serializedValue: 'imported twice' }]);
  });

  it('refuses a providerId that GET /providers does not list', async () => {
    const response = await send('POST', `/apps/${FIRST_APP_ID}/secrets`, { name: 'CLI_BAD_PROVIDER', providerId: 'prv_nope', environmentScopedValues: [], purposeType: 'Other' });
    expect(response.status).toBe(400);
    expect(apiErrorBodySchema.parse(await response.json()).message).toMatch(/providerId "prv_nope"/);
    expect(fake.context.store.getSecretByName(FIRST_APP_ID, 'CLI_BAD_PROVIDER')).toBeUndefined();
  });
});
