/**
 * Re-authentication without leaving the page: a 401 while a dialog holds unsaved input asks again
 * for the refused token (the session layer sets `asking`), and once a new one is accepted the write
 * dialogs learn that the session was renewed and whether their app and environments still resolve.
 */
import type { TokenScope } from '@/api/contract';
import { createListeners } from './listeners';

/** What the app found when it looked the current app and the environments up again after renewal. */
export type RenewalCheck =
  | { state: 'checking' }
  | {
      state: 'done';
      /** Why the page's app no longer resolves (missing, or not allowed), else null. */
      appProblem: string | null;
      /** The environments that still exist; null when they could not be listed (nothing to compare). */
      environmentIds: readonly string[] | null;
    };

export interface RenewalState {
  /** The token the prompt asks for, while it is open. */
  asking: TokenScope | null;
  /** How many times the session was renewed since sign-in. */
  renewals: number;
  /** The check after the last renewal (null before the first). */
  check: RenewalCheck | null;
}

const INITIAL: RenewalState = { asking: null, renewals: 0, check: null };
let state: RenewalState = INITIAL;
const listeners = createListeners();

function set(next: RenewalState) {
  state = next;
  listeners.emit();
}

export const sessionRenewal = {
  /** The same object until something changes (for useSyncExternalStore). */
  get: (): RenewalState => state,
  subscribe: listeners.subscribe,
  /** The `scope` token was refused while input was held: open the prompt (the first refusal wins). */
  ask(scope: TokenScope): void {
    if (state.asking === null) set({ ...state, asking: scope });
  },
  /** A new token was accepted: the prompt closes and the app checks its place again. */
  renewed(): void {
    set({ asking: null, renewals: state.renewals + 1, check: { state: 'checking' } });
  },
  /** The result of the check after renewal number `renewal` (a later renewal's check wins). */
  settle(renewal: number, check: RenewalCheck): void {
    if (renewal === state.renewals) set({ ...state, check });
  },
  /** Sign-in, sign-out or the session ended: nothing to renew. */
  reset(): void {
    if (state !== INITIAL) set(INITIAL);
  },
};
