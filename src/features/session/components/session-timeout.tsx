import { useUnsavedInputNames } from '@/lib/use-unsaved-input';
import { useSessionTimeout } from '../use-session-timeout';
import { TimeoutWarning } from './timeout-warning';

/**
 * Keeps the signed-in session within its timeouts (use-session-timeout.ts) and warns before one
 * ends, naming each dialog whose input would be discarded. Mount it only while signed in.
 */
export function SessionTimeout({ onSignOut }: { onSignOut: () => void }) {
  const { warning, staySignedIn, acknowledge } = useSessionTimeout();
  const names = useUnsavedInputNames();
  if (!warning) return null;
  return <TimeoutWarning warning={warning} unsavedNames={names} onStay={staySignedIn} onAcknowledge={acknowledge} onSignOut={onSignOut} />;
}
