/** Only paths and the search text go into URLs: never a token or a value. */
export function signInPath(next: string): string {
  return `/sign-in?next=${encodeURIComponent(next)}`;
}

/** Accepts only an in-app path as the place to return to after sign-in. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/apps';
  return next;
}

export const appPath = (appId: string) => `/apps/${encodeURIComponent(appId)}`;
export const envPath = (appId: string, envSlug: string) => `${appPath(appId)}/${encodeURIComponent(envSlug)}`;
export const secretPath = (appId: string, secretId: string) => `${appPath(appId)}/secrets/${encodeURIComponent(secretId)}`;
