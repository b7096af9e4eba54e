/** What the sign-in page says about keeping tokens and about a session that ended by itself. */
import type { RuntimeConfig } from '@/config/runtime-config';
import { countOf } from '@/lib/counts';
import type { TimeoutReason } from './session-lifetime';

type Limits = Pick<RuntimeConfig, 'idleTimeoutMinutes' | 'absoluteTimeoutHours' | 'tokenStorage'>;

/** Where this deployment keeps tokens and until when: exact, since a tab's session storage may reach the disk. */
export function tokenKeepingText({ idleTimeoutMinutes, absoluteTimeoutHours, tokenStorage }: Limits): string {
  const timeouts = `after ${countOf(idleTimeoutMinutes, 'minute')} without activity, or ${countOf(absoluteTimeoutHours, 'hour')} after signing in`;
  return tokenStorage === 'memory'
    ? `Your tokens are kept only in this page's memory until you sign out, the session times out (${timeouts}) or you leave the page: reloading the page asks for them again.`
    : `Your tokens are kept in this tab's session storage until you sign out, the session times out (${timeouts}) or you close the tab. The browser may write session storage to disk, for example to restore tabs after a crash.`;
}

/** Why the last session ended when the user did not sign out: a refused token (401) or a timeout. */
export type EndReason = 'expired' | TimeoutReason;

export function isEndReason(value: unknown): value is EndReason {
  return value === 'expired' || value === 'idle' || value === 'absolute';
}

/** The sign-in page's notice after a session ended by itself. */
export function endNotice(reason: EndReason, { idleTimeoutMinutes, absoluteTimeoutHours }: Limits): string {
  const again = 'Sign in again to continue where you were.';
  if (reason === 'idle') return `You were signed out after ${countOf(idleTimeoutMinutes, 'minute')} without activity. ${again}`;
  if (reason === 'absolute') return `You were signed out: sessions last at most ${countOf(absoluteTimeoutHours, 'hour')}. ${again}`;
  return `Your session ended. ${again}`;
}
