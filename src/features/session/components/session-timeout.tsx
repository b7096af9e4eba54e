import { lazy, Suspense } from 'react';
import { useUnsavedInputNames } from '@/lib/use-unsaved-input';
import { useSessionTimeout } from '../use-session-timeout';

// The warning (an MUI dialog) loads when it is due, a minute before a timeout: no page pays for it on load.
const TimeoutWarning = lazy(() => import('./timeout-warning').then((m) => ({ default: m.TimeoutWarning })));

/**
 * Keeps the signed-in session within its timeouts (use-session-timeout.ts) and warns before one
 * ends, naming each dialog whose input would be discarded. Mount it only while signed in.
 */
export function SessionTimeout({ onSignOut }: { onSignOut: () => void }) {
  const { warning, staySignedIn, acknowledge } = useSessionTimeout();
  const names = useUnsavedInputNames();
  if (!warning) return null;
  return (
    <Suspense fallback={null}>
      <TimeoutWarning warning={warning} unsavedNames={names} onStay={staySignedIn} onAcknowledge={acknowledge} onSignOut={onSignOut} />
    </Suspense>
  );
}
