// @vitest-environment node
import { lifetimeLimits, sessionLifetime, warningLeadMs } from './session-lifetime';
import { endNotice, tokenKeepingText } from './session-wording';

const MIN = 60_000;
const HOUR = 60 * MIN;
const limits = { idleMs: 15 * MIN, absoluteMs: 12 * HOUR };
const at = (signedInAt: number, lastActivityAt: number, now: number) => sessionLifetime({ signedInAt, lastActivityAt, now, ...limits });

describe('sessionLifetime', () => {
  it('counts the idle timeout from the last activity, warning a minute before', () => {
    expect(at(0, 0, 0)).toEqual({ phase: 'active', reason: 'idle', endsAt: 15 * MIN, warnAt: 14 * MIN });
    expect(at(0, 0, 14 * MIN - 1).phase).toBe('active');
    expect(at(0, 0, 14 * MIN)).toMatchObject({ phase: 'warning', reason: 'idle', endsAt: 15 * MIN });
    expect(at(0, 0, 15 * MIN)).toEqual({ phase: 'ended', reason: 'idle', endsAt: 15 * MIN });
    expect(at(0, 10 * MIN, 15 * MIN)).toMatchObject({ phase: 'active', endsAt: 25 * MIN });
  });

  it('ends at most the absolute timeout after signing in, however recent the activity', () => {
    const signedInAt = 1_000;
    const end = signedInAt + 12 * HOUR;
    expect(at(signedInAt, end - 2 * MIN, end - 2 * MIN)).toMatchObject({ phase: 'active', reason: 'absolute', endsAt: end, warnAt: end - MIN });
    expect(at(signedInAt, end - 30_000, end - 30_000)).toMatchObject({ phase: 'warning', reason: 'absolute' });
    expect(at(signedInAt, end - 1, end)).toEqual({ phase: 'ended', reason: 'absolute', endsAt: end });
  });

  it('on a tie the absolute timeout is the reason', () => {
    expect(at(0, 12 * HOUR - 15 * MIN, 12 * HOUR).reason).toBe('absolute');
  });

  it('a clock read long after the deadline (a sleeping tab) finds the session over', () => {
    expect(at(0, 0, 3 * HOUR)).toMatchObject({ phase: 'ended', reason: 'idle' });
    expect(at(0, 11 * HOUR + 50 * MIN, 30 * HOUR)).toMatchObject({ phase: 'ended', reason: 'absolute' });
  });

  it('warns half the timeout before when that is shorter than a minute', () => {
    expect(warningLeadMs(15 * MIN)).toBe(MIN);
    expect(warningLeadMs(MIN)).toBe(30_000);
    expect(sessionLifetime({ signedInAt: 0, lastActivityAt: 0, now: 0, idleMs: MIN, absoluteMs: HOUR })).toMatchObject({ warnAt: 30_000 });
  });

  it('reads the limits from the runtime config', () => {
    expect(lifetimeLimits({ idleTimeoutMinutes: 15, absoluteTimeoutHours: 12 })).toEqual(limits);
  });
});

describe('the sign-in page’s wording', () => {
  const config = { idleTimeoutMinutes: 15, absoluteTimeoutHours: 12, tokenStorage: 'session' } as const;

  it('says where tokens are kept, with the configured timeouts', () => {
    expect(tokenKeepingText(config)).toBe(
      "Your tokens are kept in this tab's session storage until you sign out, the session times out (after 15 minutes without activity, or 12 hours after signing in) or you close the tab. The browser may write session storage to disk, for example to restore tabs after a crash.",
    );
    expect(tokenKeepingText({ idleTimeoutMinutes: 1, absoluteTimeoutHours: 1, tokenStorage: 'memory' })).toBe(
      "Your tokens are kept only in this page's memory until you sign out, the session times out (after 1 minute without activity, or 1 hour after signing in) or you leave the page: reloading the page asks for them again.",
    );
  });

  it('says why a session ended', () => {
    expect(endNotice('idle', config)).toBe('You were signed out after 15 minutes without activity. Sign in again to continue where you were.');
    expect(endNotice('absolute', config)).toBe('You were signed out: sessions last at most 12 hours. Sign in again to continue where you were.');
    expect(endNotice('expired', config)).toBe('Your session ended. Sign in again to continue where you were.');
  });
});
