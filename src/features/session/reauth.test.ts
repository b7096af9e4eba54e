// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '@/api/client';
import { endpoints } from '@/api/contract';
import { sessionRenewal } from '@/lib/session-renewal';
import { unsavedInput } from '@/lib/unsaved-input';
import { renewToken } from './renew-token';
import { sessionStore } from './session-store';

const SESSION = { baseUrl: 'http://localhost/api', readToken: 'read-token-0123', writeToken: 'write-token-0123', demo: false };
const refuse = () => Promise.resolve(new Response(JSON.stringify({ message: 'The API access token is invalid or expired' }), { status: 401 }));
const write = () => apiClient.request(endpoints.setValue('app_1', 'sec_1', 'env_dev', 'typed')).catch(() => undefined);
const read = () => apiClient.request(endpoints.listEnvironments()).catch(() => undefined);

let release: (() => void) | undefined;
afterEach(() => {
  release?.();
  release = undefined;
  sessionStore.signOut();
  apiClient.setFetch((...args) => globalThis.fetch(...args));
});

describe('a 401', () => {
  it('while a dialog holds input asks again for the refused token only, keeping the session', async () => {
    apiClient.setFetch(refuse);
    sessionStore.signIn(SESSION);
    release = unsavedInput.hold('New secret');
    await write();
    expect(sessionRenewal.get().asking).toBe('write');
    expect(sessionStore.get()).toEqual(SESSION);
    expect(sessionStore.isExpired()).toBe(false);
    // A read refused meanwhile opens no second prompt and still ends nothing.
    await read();
    expect(sessionRenewal.get().asking).toBe('write');
    expect(sessionStore.get()).not.toBeNull();

    renewToken('write', 'new-write-token');
    expect(sessionStore.get()).toEqual({ ...SESSION, writeToken: 'new-write-token' });
    expect(apiClient.session?.writeToken).toBe('new-write-token');
    // Signing out closes the prompt.
    sessionStore.signOut();
    expect(sessionRenewal.get().asking).toBeNull();
  });

  it('on a write sent with the read token (no write token) asks for the API token', async () => {
    apiClient.setFetch(refuse);
    sessionStore.signIn({ ...SESSION, writeToken: undefined });
    release = unsavedInput.hold('Set value');
    await write();
    expect(sessionRenewal.get().asking).toBe('read');
  });

  it('with nothing held ends the session as before', async () => {
    apiClient.setFetch(refuse);
    sessionStore.signIn(SESSION);
    await write();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.isExpired()).toBe(true);
    expect(sessionRenewal.get().asking).toBeNull();
  });
});
