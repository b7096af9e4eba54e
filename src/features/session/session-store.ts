/**
 * The signed-in session: tokens in memory and in this tab's sessionStorage only (memory alone
 * when app-config.js says so; never persistent storage, never the URL), with the times its
 * timeouts count from. The API client gets the session from here.
 */
import * as z from 'zod/mini';
import { apiClient, type ApiSession } from '@/api/client';
import { checkApiBaseUrl } from '@/config/api-origin';
import { readRuntimeConfig } from '@/config/runtime-config';
import { createListeners } from '@/lib/listeners';
import { sessionRenewal } from '@/lib/session-renewal';
import { unsavedInput } from '@/lib/unsaved-input';
import { lifetimeLimits, sessionLifetime, type TimeoutReason } from './session-lifetime';

export const SESSION_STORAGE_KEY = 'secrets-dashboard.session';

/** This tab's sessionStorage, or null where there is none, site data is blocked or app-config.js keeps tokens in memory only. */
function storage(): Storage | null {
  if (readRuntimeConfig().tokenStorage === 'memory') return null;
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

/** What is stored: the session with its times, so a reload keeps its deadlines (a missing time counts as now). */
const storedSessionSchema = z.extend(sessionSchema, {
  signedInAt: z.optional(z.number()),
  lastActivityAt: z.optional(z.number()),
});

/** When the session began and when its user was last active (ms since the epoch): its timeouts count from these. */
export interface SessionTimes {
  signedInAt: number;
  lastActivityAt: number;
}

/** Activity is written to storage at most this often (a reload may forget that much of it). */
const PERSIST_ACTIVITY_EVERY_MS = 15_000;

/** Whether the base URL may receive the token here (src/config/api-origin.ts). */
function baseUrlAllowed(baseUrl: string): boolean {
  if (typeof location === 'undefined') return false;
  return checkApiBaseUrl(baseUrl, { origin: location.origin, apiOrigins: readRuntimeConfig().apiOrigins }).ok;
}

const listeners = createListeners();
let current: Session | null = null;
/** True from a 401 until the next sign-in: the protected pages send the user to sign-in. */
let expired = false;
let times: SessionTimes | null = null;
let persistedActivityAt = 0;
/** Which timeout ended the last session, until the next sign-in (the sign-in page says so). */
let timedOut: TimeoutReason | null = null;

/** Writes the session and its times to this tab's storage (nowhere when tokens stay in memory). */
function persist() {
  if (!current || !times) return;
  persistedActivityAt = times.lastActivityAt;
  storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ ...current, ...times }));
}

/** Which timeout a restored session has already passed, if any. */
function passedTimeout(stored: SessionTimes): TimeoutReason | null {
  const lifetime = sessionLifetime({ ...stored, ...lifetimeLimits(readRuntimeConfig()), now: Date.now() });
  return lifetime.phase === 'ended' ? lifetime.reason : null;
}

/** Drops the session (signed out, refused or timed out): memory, the API client and this tab's storage. */
function forget() {
  current = null;
  times = null;
  apiClient.setSession(null);
  storage()?.removeItem(SESSION_STORAGE_KEY);
  listeners.emit();
}

export const sessionStore = {
  get: (): Session | null => current,
  subscribe: listeners.subscribe,
  /** Restores the tab's session after a reload. */
  restore(): Session | null {
    const parsed = storedSessionSchema.safeParse(readStoredSession());
    // A stored base URL is checked again: one this deployment no longer allows is never called.
    if (parsed.success && baseUrlAllowed(parsed.data.baseUrl)) {
      const { signedInAt, lastActivityAt, ...session } = parsed.data;
      const now = Date.now();
      // A tab reloaded (or reopened) after a timeout passed never uses the token again.
      timedOut = passedTimeout({ signedInAt: signedInAt ?? now, lastActivityAt: lastActivityAt ?? now });
      if (!timedOut) {
        sessionStore.signIn(session, { signedInAt, lastActivityAt });
        return session;
      }
    }
    // Nothing stored, not JSON, not a session, a base URL not allowed or timed out: forget it.
    storage()?.removeItem(SESSION_STORAGE_KEY);
    return null;
  },
  /** Signs in now, or (restoring) with the stored times; times in the future count as now. */
  signIn(session: Session, stored: Partial<SessionTimes> = {}): void {
    const clean = sessionSchema.parse(session);
    const now = Date.now();
    current = clean;
    expired = false;
    timedOut = null;
    times = { signedInAt: Math.min(stored.signedInAt ?? now, now), lastActivityAt: Math.min(stored.lastActivityAt ?? now, now) };
    apiClient.setSession(clean);
    persist();
    listeners.emit();
  },
  /** Forgets the tokens. Callers also clear the query cache (see useSignOut). */
  signOut(): void {
    expired = false;
    timedOut = null;
    forget();
  },
  /**
   * The API refused the token (401): forget it. Subscribers see the session end; `isExpired()`
   * tells them it was not the user's choice (the pages then offer to come back after sign-in).
   */
  expire(): void {
    if (!current) return;
    expired = true;
    forget();
  },
  /** Whether the last session ended with a 401 (and no one signed in since). */
  isExpired: (): boolean => expired && current === null,
  /**
   * A timeout passed: a sign-out the user did not choose. Subscribers see the session end (the
   * protected pages clear what they hold and offer to come back); `endReason()` says which.
   */
  end(reason: TimeoutReason): void {
    if (!current) return;
    timedOut = reason;
    forget();
  },
  /** Why the last session ended when it was not the user's choice (until the next sign-in). */
  endReason: (): 'expired' | TimeoutReason | null => (current !== null ? null : expired ? 'expired' : timedOut),
  /** The current session's times, or null when signed out. */
  times: (): SessionTimes | null => times,
  /** Notes the user's activity now: the idle timeout counts from here. */
  recordActivity(at: number = Date.now()): void {
    if (!times || at <= times.lastActivityAt) return;
    times = { ...times, lastActivityAt: at };
    if (at - persistedActivityAt >= PERSIST_ACTIVITY_EVERY_MS) persist();
  },
};

// Subscribed once, before any request: a 401 of any request (a route loader's included) ends the
// session, unless a dialog holds unsaved input: then the refused token is asked for again over the page.
apiClient.onUnauthorized((failed) => (unsavedInput.any() ? sessionRenewal.ask(failed) : sessionStore.expire()));
// A session that ends (or is signed out) leaves no prompt open.
sessionStore.subscribe(() => {
  if (!sessionStore.get()) sessionRenewal.reset();
});
