/**
 * The pipeline every route of the fake runs before its endpoint: the control header (control
 * routes) or fault injection and latency (API routes), then the token's scope, then a JSON
 * Content-Type where a body is read (else 415); and the 400/405 that guard a group of routes.
 */
import { http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { HEADERS } from '../src/api/contract.ts';
import { authorize, FAKE_CONTROL_VALUE, type Access } from './auth.ts';
import type { FakeSettings } from './context.ts';
import type { Fault, FaultController } from './faults.ts';
import { errorResponse, isJsonContentType, withNoStore } from './responses.ts';
import type { FakeStore } from './store.ts';

export interface RouteInfo {
  request: Request;
  params: PathParams;
  url: URL;
}

/** What the API's route modules build their endpoints from. */
export interface ApiContext {
  store: FakeStore;
  /** Live: read on each request. */
  settings: FakeSettings;
  router: Router;
  /** An API path under the base URL. */
  api: (path: string) => string;
}

/** Does the endpoint read a JSON body: always, only when one is sent, or never. */
export type BodyUse = 'required' | 'optional' | 'none';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type Resolve = (info: RouteInfo) => Response | Promise<Response>;
const METHOD_HANDLERS = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;

/** A path parameter as one string (msw gives an array for a repeated one). */
export function param(params: PathParams, name: string): string {
  const value = params[name];
  return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

/** Does the path hold a `%` that is not an escape, or escapes that are not UTF-8? */
export function hasMalformedPercent(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether a URL lies under a prefix: absolute (`http://localhost/api`) or same-origin (`/api`,
 * `` for the whole origin). msw resolves same-origin paths against the page's origin; so does this.
 */
function underPrefix(prefix: string): (url: URL) => boolean {
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(prefix) ? new URL(prefix) : undefined;
  const path = (absolute ? absolute.pathname : prefix).replace(/\/+$/, '');
  const origin = absolute?.origin ?? (typeof location === 'undefined' ? undefined : location.origin);
  return (url) => (origin === undefined || url.origin === origin) && (url.pathname === path || url.pathname.startsWith(`${path}/`));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Valid JSON that matches none of the contract's response schemas. */
const SCHEMA_BREAK_BODY = {
  id: 42,
  name: null,
  slug: false,
  environments: 'not-a-list',
  apps: { broken: true },
  secretDigest: 42,
  incrementalId: 'not-a-number',
  secrets: 'not-a-list',
};

/** The response a fault replaces the real one with; undefined for latency (answer normally after). */
async function faultResponse(fault: Fault, request: Request): Promise<Response | undefined> {
  switch (fault.kind) {
    case 'latency':
      await sleep(fault.ms, request.signal);
      return undefined;
    case 'status':
      return errorResponse(fault.status, fault.body?.message ?? `Injected fault: status ${fault.status}`, {
        ...(fault.body ? { body: fault.body } : {}),
        ...(fault.retryAfter === undefined ? {} : { headers: { [HEADERS.retryAfter]: String(fault.retryAfter) } }),
      });
    case 'malformed-json':
      return new HttpResponse('{"requestId": "req_malformed", "secrets": [{"key": "TRUNCA', {
        status: 200,
        headers: { [HEADERS.contentType]: 'application/json' },
      });
    case 'schema-break':
      return HttpResponse.json(SCHEMA_BREAK_BODY);
    case 'hang':
      await untilAborted(request.signal);
      return HttpResponse.error();
    case 'network':
      return HttpResponse.error();
  }
}

/** Builds the msw handlers of one group of routes (the API, or the control routes). */
export interface Router {
  /** The pipeline around `resolve`, as an msw resolver. */
  route(access: Access, resolve: Resolve, body?: BodyUse): (input: { request: Request; params: PathParams }) => Promise<Response>;
  /** One endpoint of the group; its method is remembered for the 405s' `Allow`. */
  endpoint(method: Method, path: string, access: Access, resolve: Resolve, body?: BodyUse): HttpHandler;
  /** After the group's endpoints: any other method on their paths gets a 405 naming the allowed ones. */
  methodNotAllowed(access: Access): HttpHandler[];
  /**
   * First under a prefix: a path whose percent-encoding is malformed gets a 400 (msw's own matching
   * would throw on it). A predicate, not a path pattern, so nothing is decoded to match it.
   */
  malformedPathGuard(prefix: string): HttpHandler;
}

export function createRouter(faults: FaultController, settings: FakeSettings): Router {
  /** Methods served per path pattern, in declaration order, for the 405s' `Allow`. */
  const allowed = new Map<string, Method[]>();

  const route: Router['route'] = (access, resolve, body = 'none') => {
    return async ({ request, params }) => {
      if (access === 'control') {
        if (request.headers.get(HEADERS.fakeControl) !== FAKE_CONTROL_VALUE) {
          return withNoStore(errorResponse(403, `The fake's control routes need the header ${HEADERS.fakeControl}: ${FAKE_CONTROL_VALUE}`));
        }
      } else {
        const fault = faults.take(request);
        await sleep(settings.latencyMs, request.signal);
        const injected = fault && (await faultResponse(fault, request));
        if (injected) return withNoStore(injected);
      }
      const denied = authorize(request, access);
      if (denied) return withNoStore(denied);
      const bodyless = body === 'none' || (body === 'optional' && request.body === null);
      if (!bodyless && !isJsonContentType(request.headers.get(HEADERS.contentType))) {
        return withNoStore(errorResponse(415, `The request body must be JSON (${HEADERS.contentType}: application/json)`));
      }
      return withNoStore(await resolve({ request, params, url: new URL(request.url) }));
    };
  };

  return {
    route,
    endpoint(method, path, access, resolve, body = 'none') {
      allowed.set(path, [...(allowed.get(path) ?? []), method]);
      return METHOD_HANDLERS[method](path, route(access, resolve, body));
    },
    methodNotAllowed(access) {
      return [...allowed.keys()].map((path) =>
        http.all(
          path,
          route(access, ({ request }) =>
            errorResponse(405, `${request.method} is not allowed here`, { headers: { Allow: (allowed.get(path) ?? []).join(', ') } }),
          ),
        ),
      );
    },
    malformedPathGuard(prefix) {
      const under = underPrefix(prefix);
      return http.all(
        ({ request }) => {
          const url = new URL(request.url);
          return under(url) && hasMalformedPercent(url.pathname);
        },
        () => withNoStore(errorResponse(400, 'The request path holds malformed percent-encoding')),
      );
    },
  };
}
