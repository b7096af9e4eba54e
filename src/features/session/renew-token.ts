/**
 * Re-authentication's token swap: the refused token is replaced by the one the user just gave,
 * against the same base URL; the other token and everything on the page stay as they are.
 */
import type { TokenScope } from '@/api/contract';
import { sessionStore } from './session-store';

/** Puts `token` in place of the refused read or write token; false when there is no session to renew. */
export function renewToken(scope: TokenScope, token: string): boolean {
  const session = sessionStore.get();
  if (!session) return false;
  // The same session goes on: its absolute timeout still counts from the first sign-in.
  const signedInAt = sessionStore.times()?.signedInAt;
  sessionStore.signIn({ ...session, ...(scope === 'write' ? { writeToken: token } : { readToken: token }) }, { signedInAt });
  return true;
}
