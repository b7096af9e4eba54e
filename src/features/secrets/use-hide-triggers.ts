import { useEffect } from 'react';
import { usePresentationMode } from '@/lib/presentation-mode';

/**
 * What hides revealed values besides the user: leaving (unmount or a change of `hideAll`), the
 * tab becoming hidden, presentation mode, and the auto-hide timer — one timer, set for the
 * earliest expiry.
 */
export function useHideTriggers({ hideAll, nextExpiry, onExpiry }: { hideAll: () => void; nextExpiry: number | null; onExpiry: (now: number) => void }) {
  // Leaving the environment, the secret or the page drops every revealed value of it.
  useEffect(() => hideAll, [hideAll]);

  // Presentation mode hides everything at once.
  const presenting = usePresentationMode();
  useEffect(() => {
    if (presenting) hideAll();
  }, [presenting, hideAll]);

  // Switching tabs or minimising hides everything.
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hideAll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [hideAll]);

  useEffect(() => {
    if (nextExpiry === null) return;
    // A timer may fire a little before the clock reads its time: what was due then hides all the
    // same (else nothing would change, no new timer would be set, and the values would stay shown).
    const timer = setTimeout(() => onExpiry(Math.max(Date.now(), nextExpiry)), Math.max(0, nextExpiry - Date.now()));
    return () => clearTimeout(timer);
  }, [nextExpiry, onExpiry]);
}
