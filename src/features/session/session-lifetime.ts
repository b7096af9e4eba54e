/**
 * When a session ends, from the clock alone: after `idleMs` without activity, and at most
 * `absoluteMs` after signing in, whichever comes first. Pure: callers pass the time (timers in a
 * background tab are throttled, so they re-check with the clock rather than trust a timer).
 */

import type { RuntimeConfig } from '@/config/runtime-config';

export type TimeoutReason = 'idle' | 'absolute';

/** The configured timeouts in milliseconds. */
export function lifetimeLimits(config: Pick<RuntimeConfig, 'idleTimeoutMinutes' | 'absoluteTimeoutHours'>): { idleMs: number; absoluteMs: number } {
  return { idleMs: config.idleTimeoutMinutes * 60_000, absoluteMs: config.absoluteTimeoutHours * 3_600_000 };
}

export interface LifetimeInput {
  /** When the user signed in (ms since the epoch). */
  signedInAt: number;
  /** The user's last recorded activity (ms since the epoch). */
  lastActivityAt: number;
  idleMs: number;
  absoluteMs: number;
  now: number;
}

/** Where the session stands: before the warning, in it, or over; with the deadline that comes first. */
export type Lifetime =
  | { phase: 'active'; reason: TimeoutReason; endsAt: number; warnAt: number }
  | { phase: 'warning'; reason: TimeoutReason; endsAt: number; warnAt: number }
  | { phase: 'ended'; reason: TimeoutReason; endsAt: number };

/** How long before a timeout the user is warned: a minute, or half the timeout when that is shorter. */
export function warningLeadMs(timeoutMs: number): number {
  return Math.min(60_000, timeoutMs / 2);
}

export function sessionLifetime({ signedInAt, lastActivityAt, idleMs, absoluteMs, now }: LifetimeInput): Lifetime {
  const idleEndsAt = lastActivityAt + idleMs;
  const absoluteEndsAt = signedInAt + absoluteMs;
  // On a tie the absolute deadline wins: activity could not have postponed it.
  const reason: TimeoutReason = absoluteEndsAt <= idleEndsAt ? 'absolute' : 'idle';
  const endsAt = Math.min(idleEndsAt, absoluteEndsAt);
  if (now >= endsAt) return { phase: 'ended', reason, endsAt };
  const warnAt = endsAt - warningLeadMs(reason === 'idle' ? idleMs : absoluteMs);
  return { phase: now >= warnAt ? 'warning' : 'active', reason, endsAt, warnAt };
}
