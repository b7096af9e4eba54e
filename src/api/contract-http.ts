/**
 * The HTTP side of the secrets API contract (see ../shared/api-contract.md): every path, query
 * parameter and header name, and the method, path and query of each request — so an assumed detail
 * changes in one place. Bodies and response schemas are in contract.ts, which re-exports this
 * module; the dev server's proxy guard and the e2e specs import this one alone.
 */
export const HEADERS = {
  authorization: 'Authorization',
  contentType: 'Content-Type',
  ifNoneMatch: 'If-None-Match',
  etag: 'ETag',
  retryAfter: 'Retry-After',
  /** Not the service's: required on the fake's control routes, so no product request reaches them. */
  fakeControl: 'X-Fake-Control',
} as const;

export const RENDER_MODES = ['Full', 'PreviewOnly'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export type QueryValue = string | number | readonly string[] | undefined;

/** Path templates, also used by the fake to route requests (msw path syntax). */
export const PATHS = {
  environments: '/environments',
  providers: '/providers',
  apps: '/apps',
  app: '/apps/:appRef',
  secrets: '/apps/:appId/secrets',
  rendered: '/apps/:appId/secrets/rendered',
  secret: '/apps/:appId/secrets/:secretId',
  /** Set a value: `values`, plural, as the service's CLI calls it. */
  values: '/apps/:appId/secrets/:secretId/environments/:envId/values',
  /** Not part of the service: the fake's control routes (tests, demo reset), never under the API prefix. */
  fakeControl: '/__fake',
} as const;

/** **Assumed** (no public figure yet): the largest value the service accepts, in UTF-8 bytes; past it, 413. */
export const MAX_VALUE_BYTES = 1024 * 1024;

export const QUERY = {
  identifierType: 'identifierType',
  environment: 'environment',
  mode: 'mode',
  nameFilter: 'secret-name-filter',
  limit: 'limit',
  before: 'before',
  after: 'after',
} as const;

export type AppIdentifierType = 'Name' | 'Identifier';

export interface RenderedParams {
  appId: string;
  envId: string;
  mode: RenderMode;
  /** Secret names to return; omitted or empty means all. */
  names?: readonly string[];
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Path below the API base URL, every segment already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
}

const seg = encodeURIComponent;

/** Method, path and query of every call (contract.ts adds the body, token scope and schema). */
export const requests = {
  listEnvironments: (): HttpRequest => ({ method: 'GET', path: PATHS.environments }),
  listApps: (): HttpRequest => ({ method: 'GET', path: PATHS.apps }),
  getApp: (ref: string, identifierType: AppIdentifierType): HttpRequest => ({
    method: 'GET',
    path: `/apps/${seg(ref)}`,
    query: { [QUERY.identifierType]: identifierType },
  }),
  renderedSecrets: ({ appId, envId, mode, names }: RenderedParams): HttpRequest => ({
    method: 'GET',
    path: `/apps/${seg(appId)}/secrets/rendered`,
    query: {
      [QUERY.environment]: envId,
      [QUERY.mode]: mode,
      [QUERY.nameFilter]: names && names.length > 0 ? names : undefined,
    },
  }),
  getSecret: (appId: string, secretId: string): HttpRequest => ({ method: 'GET', path: `/apps/${seg(appId)}/secrets/${seg(secretId)}` }),
  createSecret: (appId: string): HttpRequest => ({ method: 'POST', path: `/apps/${seg(appId)}/secrets` }),
  setValue: (appId: string, secretId: string, envId: string): HttpRequest => ({
    method: 'PUT',
    path: `/apps/${seg(appId)}/secrets/${seg(secretId)}/environments/${seg(envId)}/values`,
  }),
};
