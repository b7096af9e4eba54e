import { useState, useSyncExternalStore } from 'react';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';
import { sessionRenewal, type RenewalState } from '@/lib/session-renewal';

/**
 * Where a dialog stands after its write was cut short by the re-authentication prompt: the app is
 * checking its place again, the write may be sent again, or its app or environment is gone.
 */
export type Renewal = { state: 'checking' } | { state: 'ready' } | { state: 'gone'; message: string };

interface CutShort {
  /** The renewal count when the write ended: a greater one means the session was renewed since. */
  at: number;
  targets: readonly Environment[];
}

export interface RenewalAfterWrite {
  /** The renewal's state for this dialog, or null (no write cut short, or the prompt is still open). */
  renewal: Renewal | null;
  /** A write ended: it was cut short when a token is being asked for again (or it was refused itself). */
  noteEnd: (refused: boolean, targets: readonly Environment[]) => void;
  /** A new attempt starts: the notice goes. */
  clear: () => void;
}

function renewalFor(cut: CutShort | null, { asking, renewals, check }: RenewalState): Renewal | null {
  if (!cut || asking !== null || renewals <= cut.at || !check) return null;
  if (check.state === 'checking') return check;
  if (check.appProblem) return { state: 'gone', message: check.appProblem };
  const ids = check.environmentIds;
  const missing = ids ? cut.targets.find((env) => !ids.includes(env.id)) : undefined;
  if (missing) return { state: 'gone', message: `The environment ${environmentName(missing)} no longer exists, or your token may no longer list it.` };
  return { state: 'ready' };
}

/** Follows the session's renewal for a write dialog (src/lib/session-renewal.ts). */
export function useRenewalAfterWrite(): RenewalAfterWrite {
  const state = useSyncExternalStore(sessionRenewal.subscribe, sessionRenewal.get, sessionRenewal.get);
  const [cut, setCut] = useState<CutShort | null>(null);
  return {
    renewal: renewalFor(cut, state),
    noteEnd: (refused, targets) => {
      const now = sessionRenewal.get();
      setCut(now.asking !== null || refused ? { at: now.renewals, targets } : null);
    },
    clear: () => setCut(null),
  };
}
