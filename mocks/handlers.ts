/**
 * msw handlers for every endpoint of the contract (../shared/api-contract.md), under `baseUrl`.
 *
 * Every API handler runs the same pipeline: fault injection (before anything), settings latency,
 * Bearer token + scope, a JSON Content-Type where a body is read (else 415), then the endpoint.
 * Every response carries `Cache-Control: no-store`; every error is `{ requestId, error, message,
 * errorType?, entityId? }`. Handlers never log values. Under the base, a path with malformed
 * percent-encoding gets a 400, a known path with another method a 405 (with `Allow`), any other
 * path a 404. What create and set value answer follows `settings.writeResponses` (context.ts).
 *
 * Optional control endpoints under `control.baseUrl` (no token, no faults, never under the API
 * base; every call must carry `X-Fake-Control: 1`, else 403):
 *   POST   /__fake/faults    one rule or a list (see faults.ts)   → 201 { rules }
 *   GET    /__fake/faults                                         → 200 { rules }
 *   DELETE /__fake/faults                                         → 204
 *   POST   /__fake/reset     optional SeedOptions body            → 204 (store reseeded, faults cleared, settings restored)
 *   GET|POST /__fake/settings  { latencyMs?, appsListing?, writeResponses? } → 200 settings
 */
import { http, HttpResponse, type HttpHandler, type PathParams } from 'msw';
import { z } from 'zod';
import {
  createSecretBodySchema,
  HEADERS,
  MAX_VALUE_BYTES,
  PATHS,
  QUERY,
  RENDER_MODES,
  setValueBodySchema,
  type ApiErrorBody,
  type AppIdentifierType,
  type RenderMode,
  type SecretEntity,
} from '../src/api/contract.ts';
import { DEFAULT_WRITE_RESPONSES, WRITE_RESPONSES, type FakeSettings, type WriteResponses } from './context.ts';
import { faultRuleToJson, FaultRuleError, parseFaultRules, type Fault, type FaultController } from './faults.ts';
import { hashHex, randomHex } from './random.ts';
import type { SeedOptions } from './seed.ts';
import { secretNameProblem, type FakeStore } from './store.ts';

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------
/** The demo's public tokens (this is a fake: they protect nothing). */
export const FAKE_TOKENS = {
  readWrite: 'demo-token',
  read: 'demo-read-token',
  write: 'demo-write-token',
} as const;

interface Scope {
  read: boolean;
  write: boolean;
}

const TOKEN_SCOPES = new Map<string, Scope>([
  [FAKE_TOKENS.readWrite, { read: true, write: true }],
  [FAKE_TOKENS.read, { read: true, write: false }],
  [FAKE_TOKENS.write, { read: false, write: true }],
]);

/** 'any': a read or a write token (list environments and providers, list/look up apps). */
type Access = 'control' | 'open' | 'any' | 'read' | 'write';

/** The value of the control header that opens the `/__fake` routes. */
export const FAKE_CONTROL_VALUE = '1';

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------
const STATUS_ERRORS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function newRequestId(): string {
  return `req_${randomHex(8)}`;
}

export interface ErrorExtras {
  errorType?: string;
  entityId?: string;
  /** Overrides any field of the body (fault injection). */
  body?: Partial<ApiErrorBody>;
  headers?: Record<string, string>;
}

/** The one error response of the fake: `{ requestId, error, message, errorType?, entityId? }`. */
export function errorResponse(status: number, message: string, extras: ErrorExtras = {}): Response {
  const body: ApiErrorBody = {
    requestId: newRequestId(),
    error: STATUS_ERRORS[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
    message,
    ...(extras.errorType === undefined ? {} : { errorType: extras.errorType }),
    ...(extras.entityId === undefined ? {} : { entityId: extras.entityId }),
    ...extras.body,
  };
  return HttpResponse.json(body, { status, headers: extras.headers });
}

/** One line per zod issue (zod or zod/mini); issue messages name fields, never echo values. */
function describeIssues(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/** Parses the body as JSON; an empty body is an error unless `allowEmpty` (then `value` is undefined). */
async function readJsonBody(request: Request, allowEmpty = false): Promise<BodyResult> {
  const text = await request.text();
  if (text.trim() === '') {
    return allowEmpty ? { ok: true, value: undefined } : { ok: false, response: errorResponse(400, 'The request body must be JSON; it is empty') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Never quote the body: it may hold a secret value.
    return { ok: false, response: errorResponse(400, 'The request body is not valid JSON') };
  }
}

/** `application/json`, any case, with or without parameters (e.g. `; charset=utf-8`). */
export function isJsonContentType(header: string | null): boolean {
  return header !== null && header.split(';')[0]!.trim().toLowerCase() === 'application/json';
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function param(params: PathParams, name: string): string {
  const value = params[name];
  return Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
}

/** Does an `If-None-Match` header (a list, `*`, weak or strong) match this ETag? */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
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

function withNoStore(response: Response): Response {
  // A network error's headers are immutable (and it has none to send).
  if (response.type !== 'error') response.headers.set('Cache-Control', 'no-store');
  return response;
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------
export interface ControlOptions {
  /** Prefix of the `/__fake/...` endpoints, e.g. '' (same origin, browser) or 'http://localhost'. */
  baseUrl: string;
  reset: (seed?: SeedOptions) => void;
}

export interface HandlerOptions {
  /** Prefix of every API path: '/api' in the browser, 'http://localhost/api' in Node tests. */
  baseUrl: string;
  /** Live settings (read on each request). Default: built from latencyMs/appsListing/writeResponses. */
  settings?: FakeSettings;
  latencyMs?: number;
  appsListing?: boolean;
  writeResponses?: WriteResponses;
  /** Adds the `/__fake/...` control endpoints. */
  control?: ControlOptions;
}

interface RouteInfo {
  request: Request;
  params: PathParams;
  url: URL;
}

/** Does the endpoint read a JSON body: always, only when one is sent, or never. */
type BodyUse = 'required' | 'optional' | 'none';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const METHOD_HANDLERS = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete } as const;

const seedOptionsSchema = z.strictObject({
  secrets: z.number().int().nonnegative().max(200_000).optional(),
  envs: z.number().int().positive().max(100).optional(),
  apps: z.number().int().positive().max(10_000).optional(),
  seed: z.number().int().optional(),
  canary: z.string().min(1).optional(),
  ambiguousAppNames: z.boolean().optional(),
});

const settingsPatchSchema = z.strictObject({
  latencyMs: z.number().nonnegative().max(600_000).optional(),
  appsListing: z.boolean().optional(),
  writeResponses: z.enum(WRITE_RESPONSES).optional(),
});

const identifierTypes: readonly AppIdentifierType[] = ['Name', 'Identifier'];

function isRenderMode(value: string | null): value is RenderMode {
  return (RENDER_MODES as readonly (string | null)[]).includes(value);
}

export function createHandlers(store: FakeStore, faults: FaultController, options: HandlerOptions): HttpHandler[] {
  const settings: FakeSettings = options.settings ?? {
    latencyMs: options.latencyMs ?? 0,
    appsListing: options.appsListing ?? true,
    writeResponses: options.writeResponses ?? DEFAULT_WRITE_RESPONSES,
  };
  const base = options.baseUrl.replace(/\/+$/, '');

  function authorize(request: Request, access: Access): Response | null {
    if (access === 'control' || access === 'open') return null;
    const header = request.headers.get(HEADERS.authorization);
    const token = header ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    const scope = token === undefined ? undefined : TOKEN_SCOPES.get(token);
    if (!scope) {
      return errorResponse(401, header ? 'The API access token is invalid or expired' : 'An API access token is required (Authorization: Bearer <token>)');
    }
    if (access === 'read' && !scope.read) return errorResponse(403, 'This token does not have the Read scope needed to read secrets');
    if (access === 'write' && !scope.write) return errorResponse(403, 'This token does not have the Write scope needed to change secrets');
    return null;
  }

  /**
   * The shared pipeline: control header (control routes) or faults → latency → auth, then a JSON
   * Content-Type where the endpoint reads a body → endpoint → Cache-Control.
   */
  function route(access: Access, resolve: (info: RouteInfo) => Response | Promise<Response>, body: BodyUse = 'none') {
    return async ({ request, params }: { request: Request; params: PathParams }): Promise<Response> => {
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
  }

  /** Methods served per path pattern, for the 405s' `Allow`. */
  const allowed = new Map<string, Method[]>();

  function endpoint(method: Method, path: string, access: Access, resolve: (info: RouteInfo) => Response | Promise<Response>, body: BodyUse = 'none'): HttpHandler {
    allowed.set(path, [...(allowed.get(path) ?? []), method]);
    return METHOD_HANDLERS[method](path, route(access, resolve, body));
  }

  /** After the endpoints of `paths`: any other method on them gets a 405 naming the allowed ones. */
  function methodNotAllowed(paths: readonly string[], access: Access): HttpHandler[] {
    return paths.map((path) =>
      http.all(
        path,
        route(access, ({ request }) =>
          errorResponse(405, `${request.method} is not allowed here`, { headers: { Allow: (allowed.get(path) ?? []).join(', ') } }),
        ),
      ),
    );
  }

  /**
   * First under a prefix: a path whose percent-encoding is malformed gets a 400 (msw's own matching
   * would throw on it). A predicate, not a path pattern, so nothing is decoded to match it.
   */
  function malformedPathGuard(prefix: string): HttpHandler {
    const under = underPrefix(prefix);
    return http.all(
      ({ request }) => {
        const url = new URL(request.url);
        return under(url) && hasMalformedPercent(url.pathname);
      },
      () => withNoStore(errorResponse(400, 'The request path holds malformed percent-encoding')),
    );
  }

  function createdResponse(secret: SecretEntity): Response {
    switch (settings.writeResponses) {
      case 'minimal':
        return HttpResponse.json({ id: secret.id, name: secret.name, slug: secret.slug }, { status: 201 });
      case 'empty':
        return HttpResponse.json({ id: secret.id }, { status: 201 });
      case 'entity':
        return HttpResponse.json(secret, { status: 201 });
    }
  }

  function valueSetResponse(secret: SecretEntity): Response {
    switch (settings.writeResponses) {
      case 'minimal':
        return new HttpResponse(null, { status: 200 });
      case 'empty':
        return new HttpResponse(null, { status: 204 });
      case 'entity':
        return HttpResponse.json(secret);
    }
  }

  const noRoute = (request: Request, url: URL) => errorResponse(404, `No route for ${request.method} ${url.pathname}`);
  const appNotFound = (appId: string) => errorResponse(404, `App ${JSON.stringify(appId)} not found`);

  const api = (path: string) => `${base}${path}`;

  const apiHandlers: HttpHandler[] = [
    malformedPathGuard(base),

    endpoint('GET', api(PATHS.environments), 'any', ({ url }) => {
      const all = store.listEnvironments();
      const limitText = url.searchParams.get(QUERY.limit);
      const after = url.searchParams.get(QUERY.after);
      const before = url.searchParams.get(QUERY.before);
      const limit = limitText === null ? undefined : Number(limitText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) {
        return errorResponse(400, `${QUERY.limit} must be an integer between 1 and 1000`);
      }
      let start = 0;
      let end = all.length;
      for (const [name, cursor] of [[QUERY.after, after], [QUERY.before, before]] as const) {
        if (cursor === null) continue;
        const index = all.findIndex((env) => env.id === cursor);
        if (index < 0) return errorResponse(400, `${name} must be the id of an environment`);
        if (name === QUERY.after) start = index + 1;
        else end = index;
      }
      let page = all.slice(start, Math.max(start, end));
      if (limit !== undefined) page = before !== null && after === null ? page.slice(-limit) : page.slice(0, limit);
      return HttpResponse.json({ environments: page });
    }),

    endpoint('GET', api(PATHS.providers), 'any', () => HttpResponse.json({ providers: store.listProviders() })),

    endpoint('GET', api(PATHS.apps), 'any', ({ request, url }) => (settings.appsListing ? HttpResponse.json({ apps: store.listApps() }) : noRoute(request, url))),

    endpoint('GET', api(PATHS.app), 'any', ({ params, url }) => {
      const ref = param(params, 'appRef');
      const identifierType = url.searchParams.get(QUERY.identifierType) ?? 'Identifier';
      if (!(identifierTypes as readonly string[]).includes(identifierType)) {
        return errorResponse(400, `${QUERY.identifierType} must be Name or Identifier`);
      }
      const found = store.findApp(ref, identifierType as AppIdentifierType);
      if (found.status === 'found') return HttpResponse.json(found.app);
      if (found.status === 'ambiguous') {
        return errorResponse(400, `${found.matches} apps are named ${JSON.stringify(ref)}; open the app by its id`, {
          errorType: 'DataEntityNonSingular',
        });
      }
      return errorResponse(404, `No app with ${identifierType === 'Name' ? 'name' : 'id'} ${JSON.stringify(ref)}`);
    }),

    endpoint(
      'POST',
      api(PATHS.secrets),
      'write',
      async ({ request, params }) => {
        const appId = param(params, 'appId');
        if (!store.getApp(appId)) return appNotFound(appId);
        const body = await readJsonBody(request);
        if (!body.ok) return body.response;
        const raw = body.value;
        if (!isRecord(raw)) return errorResponse(400, 'The request body must be a JSON object');
        if (Array.isArray(raw.environmentScopedValues) && raw.environmentScopedValues.length > 0) {
          return errorResponse(400, 'environmentScopedValues is deprecated and must be sent as []; set values per environment instead');
        }
        const parsed = createSecretBodySchema.safeParse(raw);
        if (!parsed.success) return errorResponse(400, `Invalid secret: ${describeIssues(parsed.error)}`);
        const { name, purposeType, providerId } = parsed.data;
        if (providerId !== undefined && !store.getProvider(providerId)) {
          return errorResponse(400, `providerId ${JSON.stringify(providerId)} is not one of the providers GET ${PATHS.providers} lists`);
        }
        const nameProblem = secretNameProblem(name);
        if (nameProblem) return errorResponse(400, `Invalid secret name: ${nameProblem}`);
        const created = store.createSecret(appId, { name, purposeType });
        if (created.status === 'exists') {
          return errorResponse(409, `A secret named ${JSON.stringify(name)} already exists in this app`, {
            entityId: created.entityId,
          });
        }
        if (created.status === 'not-found') return appNotFound(appId);
        return createdResponse(created.secret);
      },
      'required',
    ),

    // Before PATHS.secret, which would otherwise take "rendered" as a secret id.
    endpoint('GET', api(PATHS.rendered), 'read', ({ request, params, url }) => {
      const appId = param(params, 'appId');
      if (!store.getApp(appId)) return appNotFound(appId);
      const envId = url.searchParams.get(QUERY.environment);
      const mode = url.searchParams.get(QUERY.mode);
      if (!envId) return errorResponse(400, `${QUERY.environment} is required`);
      if (!isRenderMode(mode)) return errorResponse(400, `${QUERY.mode} must be one of ${RENDER_MODES.join(', ')}`);
      const revision = store.revision(appId, envId);
      if (!revision) return errorResponse(400, `${QUERY.environment} ${JSON.stringify(envId)} is not an environment of this app`);
      const names = [...new Set(url.searchParams.getAll(QUERY.nameFilter).filter((name) => name !== ''))].sort();
      const etag = `"${hashHex([revision.secretDigest, mode, ...names].join('\u0000'))}"`;
      if (etagMatches(request.headers.get(HEADERS.ifNoneMatch), etag)) {
        return new HttpResponse(null, { status: 304, headers: { [HEADERS.etag]: etag } });
      }
      return HttpResponse.json(store.rendered(appId, envId, mode, names), { headers: { [HEADERS.etag]: etag } });
    }),

    endpoint('GET', api(PATHS.secret), 'read', ({ params }) => {
      const appId = param(params, 'appId');
      const secretId = param(params, 'secretId');
      if (!store.getApp(appId)) return appNotFound(appId);
      const secret = store.getSecret(appId, secretId);
      return secret ? HttpResponse.json(secret) : errorResponse(404, `Secret ${JSON.stringify(secretId)} not found in this app`);
    }),

    endpoint(
      'PUT',
      api(PATHS.values),
      'write',
      async ({ request, params }) => {
        const appId = param(params, 'appId');
        const secretId = param(params, 'secretId');
        const envId = param(params, 'envId');
        const body = await readJsonBody(request);
        if (!body.ok) return body.response;
        const parsed = setValueBodySchema.safeParse(body.value);
        if (!parsed.success) return errorResponse(400, `Invalid value body: ${describeIssues(parsed.error)}`);
        const { text } = parsed.data.kvAppSecretValue;
        if (utf8Length(text) > MAX_VALUE_BYTES) {
          return errorResponse(413, `The value is larger than ${MAX_VALUE_BYTES} bytes of UTF-8`);
        }
        const result = store.setValue(appId, secretId, envId, text);
        if (result.status === 'ok') return valueSetResponse(result.secret);
        if (result.what === 'app') return appNotFound(appId);
        if (result.what === 'secret') return errorResponse(404, `Secret ${JSON.stringify(secretId)} not found in this app`);
        return errorResponse(404, `Environment ${JSON.stringify(envId)} not found`);
      },
      'required',
    ),
  ];
  // In declaration order, so the rendered path's 405 comes before the one of PATHS.secret.
  apiHandlers.push(...methodNotAllowed([...allowed.keys()], 'open'));
  // Anything else under the API prefix: a JSON 404 (never falls through to the dev server).
  apiHandlers.push(http.all(`${base}/*`, route('open', ({ request, url }) => noRoute(request, url))));

  return [...(options.control ? controlHandlers(options.control) : []), ...apiHandlers];

  function controlHandlers(control: ControlOptions): HttpHandler[] {
    const root = `${control.baseUrl.replace(/\/+$/, '')}${PATHS.fakeControl}`;
    const path = (name: string) => `${root}/${name}`;
    const listRules = () => ({ rules: faults.list().map(faultRuleToJson) });
    const parseBody = async <T>(request: Request, schema: z.ZodType<T>, allowEmpty: boolean): Promise<{ ok: true; value: T | undefined } | { ok: false; response: Response }> => {
      const body = await readJsonBody(request, allowEmpty);
      if (!body.ok || body.value === undefined) return body.ok ? { ok: true, value: undefined } : body;
      const parsed = schema.safeParse(body.value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: errorResponse(400, describeIssues(parsed.error)) };
    };
    const paths = [path('faults'), path('reset'), path('settings')];
    return [
      malformedPathGuard(root),
      endpoint(
        'POST',
        path('faults'),
        'control',
        async ({ request }) => {
          const body = await readJsonBody(request);
          if (!body.ok) return body.response;
          try {
            for (const rule of parseFaultRules(body.value)) faults.add(rule);
          } catch (error) {
            if (error instanceof FaultRuleError) return errorResponse(400, error.message);
            throw error;
          }
          return HttpResponse.json(listRules(), { status: 201 });
        },
        'required',
      ),
      endpoint('GET', path('faults'), 'control', () => HttpResponse.json(listRules())),
      endpoint('DELETE', path('faults'), 'control', () => {
        faults.clear();
        return new HttpResponse(null, { status: 204 });
      }),
      endpoint(
        'POST',
        path('reset'),
        'control',
        async ({ request }) => {
          const body = await parseBody(request, seedOptionsSchema, true);
          if (!body.ok) return body.response;
          control.reset(body.value);
          return new HttpResponse(null, { status: 204 });
        },
        'optional',
      ),
      endpoint('GET', path('settings'), 'control', () => HttpResponse.json(settings)),
      endpoint(
        'POST',
        path('settings'),
        'control',
        async ({ request }) => {
          const body = await parseBody(request, settingsPatchSchema, false);
          if (!body.ok) return body.response;
          Object.assign(settings, body.value);
          return HttpResponse.json(settings);
        },
        'required',
      ),
      ...methodNotAllowed(paths, 'control'),
      http.all(`${root}/*`, route('control', ({ request, url }) => noRoute(request, url))),
    ];
  }
}
