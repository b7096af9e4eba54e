/**
 * What the fake's handler tests share: the fake behind msw in Node (started once per file, reset
 * after each test) with calls to it, and the check every error answer must pass.
 */
import { apiErrorBodySchema, renderedSecretsResponseSchema, requests, type RenderedSecretsResponse } from '../src/api/contract.ts';
import { createFakeServer } from './node.ts';
import { ENV_IDS, FIRST_APP_ID } from './seed.ts';
import { createControlClient, createTestClient } from './test-client.ts';

export const APP = FIRST_APP_ID;
export const PROD = ENV_IDS.production;
export const renderedPath = `/apps/${APP}/secrets/rendered`;

/** The one error shape: JSON, no-store, a fresh request id, an error and a message (matching `message`). */
export async function expectError(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/);
  expect(response.headers.get('Cache-Control')).toBe('no-store');
  const body = apiErrorBodySchema.parse(await response.json());
  expect(body.requestId).toMatch(/^req_[0-9a-f]{16}$/);
  expect(body.error).toEqual(expect.any(String));
  expect(body.message).toEqual(expect.any(String));
  if (message) expect(body.message).toMatch(message);
  return body;
}

/** Starts the fake for this test file (call once, at its top level) and returns calls to it. */
export function useFakeServer() {
  const fake = createFakeServer();
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => fake.reset());
  afterAll(() => fake.server.close());

  const call = createTestClient(fake.baseUrl);
  const control = createControlClient(fake.controlUrl);

  function secretId(name: string): string {
    const id = fake.store.getSecretByName(APP, name)?.id;
    if (!id) throw new Error(`no secret ${name}`);
    return id;
  }

  async function rendered(envId: string, mode: 'Full' | 'PreviewOnly', names?: string[], token?: string): Promise<RenderedSecretsResponse> {
    const response = await call(renderedPath, {
      token,
      query: { environment: envId, mode, ...(names ? { 'secret-name-filter': names } : {}) },
    });
    expect(response.status).toBe(200);
    return renderedSecretsResponseSchema.parse(await response.json());
  }

  async function fullValue(envId: string, name: string): Promise<string | undefined> {
    const body = await rendered(envId, 'Full', [name]);
    return body.secrets.find((s) => s.key === name)?.serializedValue;
  }

  const putValue = (secret: string, envId: string, body: unknown, token?: string, contentType?: string | null) =>
    call(requests.setValue(APP, secret, envId).path, { method: 'PUT', body, token, contentType });

  return { fake, call, control, secretId, rendered, fullValue, putValue };
}
