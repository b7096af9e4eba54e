/** Only paths and the search text go into URLs: never a token or a value. */
export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * Accepts only an in-app path as the place to return to after sign-in: resolved with `URL` against
 * this origin, it must stay on it and not lead back to sign-in; anything else is `/apps`.
 */
export function safeNext(next: string | null, origin: string = window.location.origin): string {
  if (!next || !next.startsWith('/') || next.includes('\\')) return '/apps';
  try {
    const url = new URL(next, origin);
    // Checked decoded too: an encoded `//` or backslash could become another host once a router decodes it.
    const path = decodeURIComponent(url.pathname);
    if (url.origin !== origin || /^\/\/|\\|^\/sign-in/i.test(path)) return '/apps';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/apps';
  }
}

export const appPath = (appId: string) => `/apps/${encodeURIComponent(appId)}`;
export const envPath = (appId: string, envSlug: string) => `${appPath(appId)}/${encodeURIComponent(envSlug)}`;
export const secretPath = (appId: string, secretId: string) => `${appPath(appId)}/secrets/${encodeURIComponent(secretId)}`;
/** A path with the key search carried along (`?q=`), as the environment tabs and the overview pass it on. */
export const withSearch = (path: string, search: string) => (search ? `${path}?q=${encodeURIComponent(search)}` : path);
