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
    const timer = setTimeout(() => onExpiry(Date.now()), Math.max(0, nextExpiry - Date.now()));
    return () => clearTimeout(timer);
  }, [nextExpiry, onExpiry]);
}
