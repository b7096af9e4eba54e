/**
 * The signed-in session: tokens in memory and in this tab's sessionStorage only (never
 * persistent storage, never the URL). The API client gets the session from here.
 */
import * as z from 'zod/mini';
import { apiClient, type ApiSession } from '@/api/client';
import { checkApiBaseUrl } from '@/config/api-origin';
import { readRuntimeConfig } from '@/config/runtime-config';
import { sessionRenewal } from '@/lib/session-renewal';
import { unsavedInput } from '@/lib/unsaved-input';

export const SESSION_STORAGE_KEY = 'secrets-dashboard.session';

/** This tab's sessionStorage, or null where there is none or site data is blocked. */
function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The stored session as JSON, not yet validated; undefined when there is none or it is not JSON. */
function readStoredSession(): unknown {
  try {
    const raw = storage()?.getItem(SESSION_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

const sessionSchema = z.object({
  baseUrl: z.string().check(z.minLength(1)),
  readToken: z.string().check(z.minLength(1)),
  writeToken: z.optional(z.string().check(z.minLength(1))),
  demo: z._default(z.boolean(), false),
});
export type Session = z.infer<typeof sessionSchema> & ApiSession;

/** Whether the base URL may receive the token here (src/config/api-origin.ts). */
function baseUrlAllowed(baseUrl: string): boolean {
  if (typeof location === 'undefined') return false;
  return checkApiBaseUrl(baseUrl, { origin: location.origin, apiOrigins: readRuntimeConfig().apiOrigins }).ok;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null = null;
/** True from a 401 until the next sign-in: the protected pages send the user to sign-in. */
let expired = false;

function emit() {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get: (): Session | null => current,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Restores the tab's session after a reload. */
  restore(): Session | null {
    const parsed = sessionSchema.safeParse(readStoredSession());
    // A stored base URL is checked again: one this deployment no longer allows is never called.
    if (parsed.success && baseUrlAllowed(parsed.data.baseUrl)) {
      sessionStore.signIn(parsed.data);
      return parsed.data;
    }
    // Nothing stored, not JSON, not a session or a base URL not allowed: forget it.
    storage()?.removeItem(SESSION_STORAGE_KEY);
    return null;
  },
  signIn(session: Session): void {
    const clean = sessionSchema.parse(session);
    current = clean;
    expired = false;
    apiClient.setSession(clean);
    storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(clean));
    emit();
  },
  /** Forgets the tokens. Callers also clear the query cache (see useSignOut). */
  signOut(): void {
    current = null;
    expired = false;
    apiClient.setSession(null);
    storage()?.removeItem(SESSION_STORAGE_KEY);
    emit();
  },
  /**
   * The API refused the token (401): forget it. Subscribers see the session end; `isExpired()`
   * tells them it was not the user's choice (the pages then offer to come back after sign-in).
   */
  expire(): void {
    if (!current) return;
    expired = true;
    current = null;
    apiClient.setSession(null);
    storage()?.removeItem(SESSION_STORAGE_KEY);
    emit();
  },
  /** Whether the last session ended with a 401 (and no one signed in since). */
  isExpired: (): boolean => expired && current === null,
};

// Subscribed once, before any request: a 401 of any request (a route loader's included) ends the
// session, unless a dialog holds unsaved input: then the refused token is asked for again over the page.
apiClient.onUnauthorized((failed) => (unsavedInput.any() ? sessionRenewal.ask(failed) : sessionStore.expire()));
// A session that ends (or is signed out) leaves no prompt open.
sessionStore.subscribe(() => {
  if (!sessionStore.get()) sessionRenewal.reset();
});
