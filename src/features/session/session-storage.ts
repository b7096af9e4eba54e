/**
 * Where the session is kept between reloads: this tab's sessionStorage, under one key. No zod
 * here (the entry chunk reads it to send the first page's requests early); session-store.ts
 * validates what it restores.
 */
export const SESSION_STORAGE_KEY = 'secrets-dashboard.session';

/** This tab's sessionStorage, or null where there is none or site data is blocked. */
export function sessionStorageArea(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** The stored session as JSON, not yet validated; undefined when there is none or it is not JSON. */
export function readStoredSession(): unknown {
  try {
    const raw = sessionStorageArea()?.getItem(SESSION_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
