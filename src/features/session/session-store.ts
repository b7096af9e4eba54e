/**
 * The signed-in session: tokens in memory and in this tab's sessionStorage only (never
 * localStorage, never the URL). The API client gets the session from here.
 */
import { z } from 'zod';
import { apiClient, type ApiSession } from '@/api/client';

export const SESSION_STORAGE_KEY = 'secrets-dashboard.session';

const sessionSchema = z.object({
  baseUrl: z.string().min(1),
  readToken: z.string().min(1),
  writeToken: z.string().min(1).optional(),
  demo: z.boolean().default(false),
});
export type Session = z.infer<typeof sessionSchema> & ApiSession;

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | null = null;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

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
    const raw = storage()?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(raw));
      if (parsed.success) {
        sessionStore.signIn(parsed.data);
        return parsed.data;
      }
    } catch {
      // Corrupt entry: forget it below.
    }
    storage()?.removeItem(SESSION_STORAGE_KEY);
    return null;
  },
  signIn(session: Session): void {
    const clean = sessionSchema.parse(session);
    current = clean;
    apiClient.setSession(clean);
    storage()?.setItem(SESSION_STORAGE_KEY, JSON.stringify(clean));
    emit();
  },
  /** Forgets the tokens. Callers also clear the query cache (see useSignOut). */
  signOut(): void {
    current = null;
    apiClient.setSession(null);
    storage()?.removeItem(SESSION_STORAGE_KEY);
    emit();
  },
};
