/// <reference types="node" />
/**
 * For the dev and preview servers (vite.config.ts), in front of their API proxy: the fake's control
 * routes (`/__fake/...`, at the upstream's root) must never be reachable through the product's
 * prefix. A proxied request whose path, as the upstream would see it, has a segment starting with
 * `__fake` — however it is spelt: percent-encoded (once or more), any case, with dot segments or
 * backslashes — gets a JSON 404 and is not proxied; the control header is removed from every
 * request the proxy forwards.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS, PATHS } from '../src/api/contract-http.ts';

const CONTROL_SEGMENT = PATHS.fakeControl.replace(/^\/+/, '').toLowerCase();

/** Every `%XX` escape decoded byte by byte (never throws), repeated until nothing changes. */
function decodeEscapes(path: string): string {
  let current = path;
  for (let round = 0; round < 8; round++) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

function hasControlSegment(path: string): boolean {
  return decodeEscapes(path)
    .toLowerCase()
    .split(/[/\\]/)
    .some((segment) => segment.startsWith(CONTROL_SEGMENT));
}

/**
 * Could this path (as sent upstream, query included or not) reach the fake's control routes?
 * Checked as sent and as a WHATWG URL parser reads it (backslashes as slashes, `..` and `%2e%2e`
 * resolved), which is how the fake reads it.
 */
export function reachesFakeControl(upstreamPath: string): boolean {
  const path = upstreamPath.split(/[?#]/)[0] ?? '';
  let parsed: string;
  try {
    parsed = new URL(path.startsWith('/') ? path : `/${path}`, 'http://upstream.invalid').pathname;
  } catch {
    return true;
  }
  return hasControlSegment(path) || hasControlSegment(parsed);
}

type Next = (error?: unknown) => void;

/**
 * A connect middleware to install before the proxy of `prefix` (matched as vite matches it: the
 * request URL starts with it), given the proxy's own `rewrite`.
 */
export function apiProxyGuard(prefix: string, rewrite: (path: string) => string) {
  const controlHeader = HEADERS.fakeControl.toLowerCase();
  return function fakeControlGuard(req: IncomingMessage, res: ServerResponse, next: Next): void {
    const url = req.url ?? '';
    if (!url.startsWith(prefix)) {
      next();
      return;
    }
    delete req.headers[controlHeader];
    if (!reachesFakeControl(rewrite(url))) {
      next();
      return;
    }
    res.statusCode = 404;
    res.setHeader(HEADERS.contentType, 'application/json');
    res.setHeader('Cache-Control', 'no-store');
    res.end(JSON.stringify({ requestId: `req_proxy_${randomBytes(8).toString('hex')}`, error: 'Not Found', message: 'No such API path' }));
  };
}
