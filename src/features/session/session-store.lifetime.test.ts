import { apiClient } from '@/api/client';
import { renewToken } from './renew-token';
import { SESSION_STORAGE_KEY, sessionStore } from './session-store';

const SESSION = { baseUrl: '/api', readToken: 'read-token-0123', demo: false };
const MIN = 60_000;
const T0 = Date.UTC(2030, 0, 1, 9);

const stored = () => JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null') as Record<string, unknown> | null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  sessionStore.signOut();
  sessionStorage.clear();
  delete window.__DASHBOARD_CONFIG__;
  vi.useRealTimers();
});

describe('session times', () => {
  it('keeps when the user signed in and was last active with the stored session', () => {
    sessionStore.signIn(SESSION);
    expect(stored()).toEqual({ ...SESSION, signedInAt: T0, lastActivityAt: T0 });
    vi.setSystemTime(T0 + MIN);
    sessionStore.recordActivity();
    expect(sessionStore.times()).toEqual({ signedInAt: T0, lastActivityAt: T0 + MIN });
    expect(stored()).toMatchObject({ signedInAt: T0, lastActivityAt: T0 + MIN });
  });

  it('a reload keeps the deadlines; a stored session without times counts as signed in now', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...SESSION, signedInAt: T0 - 5 * MIN, lastActivityAt: T0 - 2 * MIN }));
    expect(sessionStore.restore()).toEqual(SESSION);
    expect(sessionStore.times()).toEqual({ signedInAt: T0 - 5 * MIN, lastActivityAt: T0 - 2 * MIN });
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    expect(sessionStore.restore()).toEqual(SESSION);
    expect(sessionStore.times()).toEqual({ signedInAt: T0, lastActivityAt: T0 });
  });

  it.each([
    ['idle', { signedInAt: T0 - 20 * MIN, lastActivityAt: T0 - 15 * MIN }],
    ['absolute', { signedInAt: T0 - 12 * 60 * MIN, lastActivityAt: T0 - MIN }],
  ] as const)('a session restored past its %s timeout is forgotten, never used', (reason, times) => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...SESSION, ...times }));
    expect(sessionStore.restore()).toBeNull();
    expect(apiClient.session).toBeNull();
    expect(stored()).toBeNull();
    expect(sessionStore.endReason()).toBe(reason);
  });

  it('a token given again (re-authentication) keeps the absolute deadline and counts as activity', () => {
    sessionStore.signIn(SESSION);
    vi.setSystemTime(T0 + 10 * MIN);
    renewToken('read', 'read-token-4567');
    expect(sessionStore.times()).toEqual({ signedInAt: T0, lastActivityAt: T0 + 10 * MIN });
  });

  it('times from the future count as now', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...SESSION, signedInAt: T0 + 60 * MIN, lastActivityAt: T0 + 60 * MIN }));
    sessionStore.restore();
    expect(sessionStore.times()).toEqual({ signedInAt: T0, lastActivityAt: T0 });
  });
});

describe('sessionStore.end', () => {
  it('signs out for a timeout and says which, until the next sign-in', () => {
    sessionStore.signIn(SESSION);
    sessionStore.end('idle');
    expect(sessionStore.get()).toBeNull();
    expect(apiClient.session).toBeNull();
    expect(stored()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
    expect(sessionStore.isExpired()).toBe(false);
    sessionStore.signIn(SESSION);
    expect(sessionStore.endReason()).toBeNull();
  });

  it('a 401 is reported as expired', () => {
    sessionStore.signIn(SESSION);
    sessionStore.expire();
    expect(sessionStore.endReason()).toBe('expired');
    expect(sessionStore.isExpired()).toBe(true);
  });
});

describe('memory-only tokens', () => {
  it('never touch sessionStorage: nothing written, nothing restored', () => {
    window.__DASHBOARD_CONFIG__ = { tokenStorage: 'memory' };
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    const touched = [vi.spyOn(Storage.prototype, 'setItem'), vi.spyOn(Storage.prototype, 'getItem'), vi.spyOn(Storage.prototype, 'removeItem')];
    expect(sessionStore.restore()).toBeNull();
    sessionStore.signIn(SESSION);
    vi.setSystemTime(T0 + MIN);
    sessionStore.recordActivity();
    expect(sessionStore.get()).toEqual(SESSION);
    sessionStore.end('idle');
    for (const spy of touched) expect(spy).not.toHaveBeenCalled();
  });
});
