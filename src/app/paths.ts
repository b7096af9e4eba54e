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

/** `{appId, envSlug}` when `pathname` is a secrets page (`/apps/:appId/:envSlug`), else null. */
export function secretsPageParams(pathname: string): { appId: string; envSlug: string } | null {
  const match = /^\/apps\/([^/]+)\/([^/]+)\/?$/.exec(pathname);
  if (!match || match[2] === 'secrets') return null;
  try {
    return { appId: decodeURIComponent(match[1]!), envSlug: decodeURIComponent(match[2]!) };
  } catch {
    return null;
  }
}
