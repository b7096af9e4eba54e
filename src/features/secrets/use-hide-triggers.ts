import { useEffect } from 'react';

/**
 * What hides revealed values besides the user: leaving (unmount or a change of `hideAll`), the
 * tab becoming hidden, and the auto-hide timer — one timer, set for the earliest expiry.
 */
export function useHideTriggers({ hideAll, nextExpiry, onExpiry }: { hideAll: () => void; nextExpiry: number | null; onExpiry: (now: number) => void }) {
  // Leaving the environment, the secret or the page drops every revealed value of it.
  useEffect(() => hideAll, [hideAll]);

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
    const timer = setTimeout(() => onExpiry(Date.now()), Math.max(0, nextExpiry - Date.now()));
    return () => clearTimeout(timer);
  }, [nextExpiry, onExpiry]);
}
