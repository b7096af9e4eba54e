import { useCallback, useEffect, useRef, useState } from 'react';
import { readRuntimeConfig } from '@/config/runtime-config';
import { lifetimeLimits, sessionLifetime, type TimeoutReason } from './session-lifetime';
import { sessionStore } from './session-store';

/** The warning shown before a timeout: which one, and when the session ends (ms since the epoch). */
export interface TimeoutWarning {
  reason: TimeoutReason;
  endsAt: number;
}

/** User input that counts as activity (a resting mouse does not). */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel'] as const;
/** Activity is recorded at most this often. */
const ACTIVITY_THROTTLE_MS = 1_000;

/**
 * Watches the signed-in session's timeouts: records activity, warns when a deadline is a minute
 * away and ends the session (`sessionStore.end`) once it passes. One timer to the next change,
 * and the clock is read again whenever the tab becomes visible or gets focus, since background
 * tabs throttle timers. Once the warning is due, activity no longer counts: only `staySignedIn`
 * keeps the session, so a stray key press never answers a question the user has not seen.
 */
export function useSessionTimeout(): { warning: TimeoutWarning | null; staySignedIn: () => void; acknowledge: () => void } {
  const [warning, setWarning] = useState<TimeoutWarning | null>(null);
  const checkRef = useRef<() => void>(() => {});
  /** The absolute deadline whose warning the user has read (nothing can postpone it). */
  const acknowledgedRef = useRef<number | null>(null);

  useEffect(() => {
    const limits = lifetimeLimits(readRuntimeConfig());
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRecorded = 0;

    /** Reads the clock: ends the session, shows or hides the warning, and sets the timer to the next change. */
    function check(): 'active' | 'warning' | 'ended' {
      clearTimeout(timer);
      const times = sessionStore.times();
      if (!times) return 'ended';
      const now = Date.now();
      const lifetime = sessionLifetime({ ...times, ...limits, now });
      if (lifetime.phase === 'ended') {
        sessionStore.end(lifetime.reason);
        return 'ended';
      }
      const { reason, endsAt } = lifetime;
      const show = lifetime.phase === 'warning' && !(reason === 'absolute' && acknowledgedRef.current === endsAt);
      setWarning((shown) => (!show ? null : shown?.reason === reason && shown.endsAt === endsAt ? shown : { reason, endsAt }));
      timer = setTimeout(check, (lifetime.phase === 'warning' ? endsAt : lifetime.warnAt) - now);
      return lifetime.phase;
    }

    function onActivity() {
      const now = Date.now();
      if (now - lastRecorded < ACTIVITY_THROTTLE_MS) return;
      lastRecorded = now;
      // The clock first: activity after a deadline (or once the warning is due) does not count.
      if (check() === 'active') sessionStore.recordActivity(now);
    }

    function onVisibilityChange() {
      if (document.visibilityState === 'visible') check();
    }

    checkRef.current = check;
    check();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    window.addEventListener('focus', onActivity);
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      window.removeEventListener('focus', onActivity);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, []);

  const staySignedIn = useCallback(() => {
    sessionStore.recordActivity(Date.now());
    checkRef.current();
  }, []);
  const acknowledge = useCallback(() => {
    if (warning) acknowledgedRef.current = warning.endsAt;
    setWarning(null);
  }, [warning]);
  return { warning, staySignedIn, acknowledge };
}
