/**
 * Where the API base URL may point: the one rule the sign-in form and a restored session share,
 * so a token is only ever sent to this origin or to an origin the deployment allows.
 */

export interface ApiOriginContext {
  /** This page's origin (`location.origin`). */
  origin: string;
  /** Allowed API origins from app-config.js: `https://api.example.com` or `https://*.example.com`. */
  apiOrigins: readonly string[];
}

export type ApiBaseUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };
const ORIGIN_ENTRY = /^(https?):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}))?$/i;

export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOSTS.has(hostname);

/** The port as `URL#port` spells it: empty for the scheme's default. */
function normalPort(protocol: string, port: string | undefined): string {
  return !port || DEFAULT_PORTS[protocol] === port ? '' : port;
}

/** Whether `url`'s origin matches one allowed entry; `*.` matches one or more labels, never the bare domain. */
export function originMatches(url: URL, entry: string): boolean {
  const match = ORIGIN_ENTRY.exec(entry.trim());
  if (!match) return false;
  const [, scheme, wildcard, host, port] = match;
  const protocol = `${scheme!.toLowerCase()}:`;
  if (url.protocol !== protocol || url.port !== normalPort(protocol, port)) return false;
  const domain = host!.toLowerCase();
  if (!wildcard) return url.hostname === domain;
  const suffix = `.${domain}`;
  return url.hostname.endsWith(suffix) && url.hostname.length > suffix.length;
}

/** Checks an API base URL (a same-origin path such as `/api`, or a full URL) against the allowed origins. */
export function checkApiBaseUrl(raw: string, { origin, apiOrigins }: ApiOriginContext): ApiBaseUrlCheck {
  const value = raw.trim();
  if (!value) return { ok: false, reason: 'Enter the API base URL, e.g. /api or https://api.commandk.dev' };
  // Browsers read a backslash as a slash and drop tabs and line breaks: refuse them outright.
  if (/[\\\s]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) {
    return { ok: false, reason: 'A base URL has no backslashes, spaces or control characters' };
  }
  if (value.includes('?') || value.includes('#')) return { ok: false, reason: 'A base URL has no query string or fragment (? or #)' };
  const isPath = value.startsWith('/');
  let url: URL;
  try {
    url = isPath ? new URL(value, origin) : new URL(value);
  } catch {
    return { ok: false, reason: 'Use a path such as /api, or a full https URL such as https://api.commandk.dev' };
  }
  if (isPath) {
    return url.origin === origin && !value.startsWith('//')
      ? { ok: true, url }
      : { ok: false, reason: 'A path must stay on this site: start it with a single / (e.g. /api)' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'Use a path such as /api, or a full https URL such as https://api.commandk.dev' };
  }
  if (url.username || url.password) return { ok: false, reason: 'A base URL has no user name or password in it' };
  if (url.origin === origin) return { ok: true, url };
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
    return { ok: false, reason: 'Use https: only this computer (localhost) may be called over http' };
  }
  if (!apiOrigins.some((entry) => originMatches(url, entry))) {
    return { ok: false, reason: `${url.origin} is not an allowed API origin: use /api, or ask for it to be added to apiOrigins` };
  }
  return { ok: true, url };
}
