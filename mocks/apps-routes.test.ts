// @vitest-environment node
// The directory endpoints: environments, providers, apps.
import { appSchema, appsResponseSchema, environmentsResponseSchema, PATHS } from '../src/api/contract.ts';
import { FAKE_TOKENS } from './auth.ts';
import { APP, expectError, PROD, useFakeServer } from './handlers-fixture.ts';
import { AMBIGUOUS_APP_NAME, ENV_IDS, OTHER_PROVIDER, PROVIDERS } from './seed.ts';

const { fake, call } = useFakeServer();

describe('GET /environments', () => {
  it('lists the environments, with limit/after/before', async () => {
    const all = environmentsResponseSchema.parse(await (await call('/environments')).json()).environments;
    expect(all.map((e) => e.id)).toEqual(Object.values(ENV_IDS));
    expect(all.find((e) => e.id === PROD)?.label).toBe('Production');
    const page = async (query: Record<string, string>) =>
      environmentsResponseSchema.parse(await (await call('/environments', { query })).json()).environments.map((e) => e.id);
    expect(await page({ limit: '2' })).toEqual(['env_dev', 'env_qa']);
    expect(await page({ after: 'env_dev', limit: '1' })).toEqual(['env_qa']);
    expect(await page({ before: 'env_prod' })).toEqual(['env_dev', 'env_qa', 'env_staging']);
    expect(await page({ before: 'env_prod', limit: '1' })).toEqual(['env_staging']);
    await expectError(await call('/environments', { query: { limit: '0' } }), 400, /limit/);
    await expectError(await call('/environments', { query: { after: 'env_nope' } }), 400, /after/);
  });
});

describe('GET /providers', () => {
  it('lists the seeded providers, "Other" among them, to a read or a write token', async () => {
    for (const token of [FAKE_TOKENS.readWrite, FAKE_TOKENS.read, FAKE_TOKENS.write]) {
      const response = await call(PATHS.providers, { token });
      expect(response.status).toBe(200);
      const { providers } = (await response.json()) as { providers: unknown[] };
      expect(providers).toEqual(PROVIDERS);
      expect(providers).toContainEqual({ id: OTHER_PROVIDER.id, name: 'Other', slug: 'other' });
    }
    await expectError(await call(PATHS.providers, { token: null }), 401);
  });

  it('keeps the same ids in a generated dataset and after a reset', async () => {
    fake.reset({ secrets: 5, envs: 2, apps: 2 });
    expect(((await (await call(PATHS.providers)).json()) as { providers: unknown[] }).providers).toEqual(PROVIDERS);
  });
});

describe('apps', () => {
  it('lists apps, and answers 404 when the listing is switched off', async () => {
    const { apps } = appsResponseSchema.parse(await (await call('/apps')).json());
    expect(apps.map((a) => a.name)).toEqual(['payments-api', 'web-frontend', 'data-pipeline']);
    fake.settings.appsListing = false;
    await expectError(await call('/apps'), 404);
  });

  it('looks an app up by id or by name', async () => {
    const byId = appSchema.parse(await (await call(`/apps/${APP}`, { query: { identifierType: 'Identifier' } })).json());
    const byName = appSchema.parse(await (await call('/apps/payments-api', { query: { identifierType: 'Name' } })).json());
    expect(byId).toEqual({ id: APP, name: 'payments-api', slug: 'payments-api' });
    expect(byName).toEqual(byId);
    await expectError(await call('/apps/payments-api', { query: { identifierType: 'Identifier' } }), 404);
    await expectError(await call('/apps/nope', { query: { identifierType: 'Name' } }), 404);
    await expectError(await call('/apps/x', { query: { identifierType: 'Slug' } }), 400);
  });

  it('answers 400 DataEntityNonSingular when a name is ambiguous', async () => {
    fake.store.addApp({ id: 'app_dup', name: 'web-frontend', slug: 'web-frontend-2' });
    const body = await expectError(await call('/apps/web-frontend', { query: { identifierType: 'Name' } }), 400);
    expect(body.errorType).toBe('DataEntityNonSingular');
    fake.reset({ ambiguousAppNames: true });
    const seeded = await expectError(await call(`/apps/${AMBIGUOUS_APP_NAME}`, { query: { identifierType: 'Name' } }), 400);
    expect(seeded.errorType).toBe('DataEntityNonSingular');
  });
});
