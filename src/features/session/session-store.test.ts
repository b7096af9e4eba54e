import { apiClient } from '@/api/client';
import { SESSION_STORAGE_KEY, sessionStore } from './session-store';

const SESSION = { baseUrl: '/api', readToken: 'read-token-0123' };

afterEach(() => {
  sessionStore.signOut();
  sessionStorage.clear();
});

describe('sessionStore.restore', () => {
  it('restores a stored session (defaults applied) and gives it to the API client', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    expect(sessionStore.restore()).toEqual({ ...SESSION, demo: false });
    expect(sessionStore.get()).toEqual({ ...SESSION, demo: false });
    expect(apiClient.session).toEqual({ ...SESSION, demo: false });
  });

  it('restores a session whose base URL is an allowed API origin', () => {
    const session = { ...SESSION, baseUrl: 'https://api.acme.commandk.dev' };
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    expect(sessionStore.restore()).toEqual({ ...session, demo: false });
  });

  it('drops a session whose base URL is not allowed: the API client never gets its token', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...SESSION, baseUrl: '/\\evil.example' }));
    expect(sessionStore.restore()).toBeNull();
    expect(apiClient.session).toBeNull();
  });

  it('with nothing stored: no session', () => {
    expect(sessionStore.restore()).toBeNull();
    expect(sessionStore.get()).toBeNull();
  });

  it.each([
    ['not JSON', '{"baseUrl":'],
    ['not a session', JSON.stringify({ baseUrl: '/api', readToken: '' })],
    ['not an object', JSON.stringify('read-token-0123')],
    ['a base URL on another host', JSON.stringify({ ...SESSION, baseUrl: '/\\evil.example' })],
    ['a protocol-relative base URL', JSON.stringify({ ...SESSION, baseUrl: '//evil.example' })],
    ['a base URL to an origin not allowed', JSON.stringify({ ...SESSION, baseUrl: 'https://evil.example' })],
    ['a base URL with credentials', JSON.stringify({ ...SESSION, baseUrl: 'https://user:pw@api.commandk.dev' })],
  ])('forgets an entry that is %s', (_what, raw) => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, raw);
    expect(sessionStore.restore()).toBeNull();
    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});
