/**
 * The secrets API contract (see ../shared/api-contract.md): fixed body fields, response schemas and
 * the endpoints; paths, query parameters and headers are in contract-http.ts (re-exported here), so
 * an assumed detail changes in one place.
 * Plain TypeScript + zod only: this module is shared by the dashboard and by the fake API (mocks/).
 */
// zod/mini: the same validation as zod in fewer bytes (the secrets page parses with it).
import * as z from 'zod/mini';
import { requests, type AppIdentifierType, type HttpRequest, type RenderedParams } from './contract-http';

export * from './contract-http';

// Parsers are interpreted, never compiled with `new Function`: the page runs under a
// Content-Security-Policy without 'unsafe-eval'. Set here, before the first schema is built: every
// request goes through this module, and classic zod (the forms, the fake API) loads after it.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Fixed values
// ---------------------------------------------------------------------------------------------
export const PURPOSE_TYPES = ['APIKey', 'SSHKey', 'UsernamePassword', 'Other'] as const;
export const purposeTypeSchema = z.enum(PURPOSE_TYPES);
export type PurposeType = z.infer<typeof purposeTypeSchema>;

/** A rendered secret's `valueType`: whether it has a value in that environment. */
export const VALUE_TYPE = {
  string: 'urn:rendered-app-secret:value-type:String',
  none: 'urn:rendered-app-secret:value-type:None',
} as const;

export const SET_VALUE_FIXED = {
  valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret',
  hidden: false,
  typeHint: 'urn:app-secret:kv-secret-value:textType',
} as const;

// ---------------------------------------------------------------------------------------------
// Response schemas (unknown fields are ignored: z.object strips them)
// ---------------------------------------------------------------------------------------------
export const environmentSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  label: z.string(),
});
export type Environment = z.infer<typeof environmentSchema>;

export const environmentsResponseSchema = z.object({ environments: z.array(environmentSchema) });
export type EnvironmentsResponse = z.infer<typeof environmentsResponseSchema>;

export const appSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });
export type App = z.infer<typeof appSchema>;

export const appsResponseSchema = z.object({ apps: z.array(appSchema) });
export type AppsResponse = z.infer<typeof appsResponseSchema>;

export const environmentScopedValueSchema = z.object({
  environment: environmentSchema,
  value: z.optional(z.nullable(z.unknown())),
});

export const secretEntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  purposeType: z.string(), // a newer server may add purposes: keep the string, show it as given
  environmentScopedValues: z._default(z.array(environmentScopedValueSchema), []),
});
export type SecretEntity = z.infer<typeof secretEntitySchema>;

/**
 * What a create answers with that the dashboard relies on: only `id` (the service's CLI reads
 * `{ id, name, slug }`; anything else may be missing or extra). Names shown come from the form.
 */
export const createdSecretSchema = z.object({ id: z.string() });
export type CreatedSecret = z.infer<typeof createdSecretSchema>;

export const renderedSecretSchema = z.object({
  key: z.string(),
  secretId: z.string(),
  valueType: z.string(),
  serializedValue: z.optional(z.string()),
});
export type RenderedSecret = z.infer<typeof renderedSecretSchema>;

export const renderedSecretsResponseSchema = z.object({
  changelogId: z.optional(z.string()),
  secretDigest: z.string(),
  incrementalId: z.number(),
  secrets: z.array(renderedSecretSchema),
});
export type RenderedSecretsResponse = z.infer<typeof renderedSecretsResponseSchema>;

export const apiErrorBodySchema = z.object({
  requestId: z.optional(z.string()),
  error: z.optional(z.string()),
  message: z.optional(z.string()),
  errorType: z.optional(z.string()),
  entityId: z.optional(z.string()),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

// ---------------------------------------------------------------------------------------------
// Request bodies (strict: the fake rejects anything else with a 400, as the contract says; the
// optional fields are the ones the service's CLI sends and the dashboard's builders leave out)
// ---------------------------------------------------------------------------------------------
export const createSecretBodySchema = z.strictObject({
  name: z.string().check(z.minLength(1)),
  purposeType: purposeTypeSchema,
  environmentScopedValues: z.array(z.unknown()).check(z.maxLength(0, 'environmentScopedValues is deprecated and must be []')),
  /** The CLI sends the "Other" provider's id (the server checks `GET /providers` lists it); the dashboard omits it. */
  providerId: z.optional(z.string().check(z.minLength(1))),
});
export type CreateSecretBody = z.infer<typeof createSecretBodySchema>;

export const setValueBodySchema = z.strictObject({
  valueTypeUrn: z.literal(SET_VALUE_FIXED.valueTypeUrn),
  hidden: z.literal(SET_VALUE_FIXED.hidden),
  kvAppSecretValue: z.strictObject({
    typeHint: z.literal(SET_VALUE_FIXED.typeHint),
    text: z.string(),
  }),
  /** The CLI sends `null`; the dashboard omits it. */
  activity: z.optional(z.nullable(z.string())),
});
export type SetValueBody = z.infer<typeof setValueBodySchema>;

export function createSecretBody(name: string, purposeType: PurposeType): CreateSecretBody {
  return { name, purposeType, environmentScopedValues: [] };
}

export function setValueBody(text: string): SetValueBody {
  return {
    valueTypeUrn: SET_VALUE_FIXED.valueTypeUrn,
    hidden: SET_VALUE_FIXED.hidden,
    kvAppSecretValue: { typeHint: SET_VALUE_FIXED.typeHint, text },
  };
}

// ---------------------------------------------------------------------------------------------
// Endpoints: one description per call. `scope` picks the token; `name` names it in errors.
// ---------------------------------------------------------------------------------------------
export type TokenScope = 'read' | 'write';

/** Any zod (or zod/mini) schema: only `safeParse` is used. */
export interface ResponseSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

export interface Endpoint<T> extends HttpRequest {
  /** Human name used in error messages, e.g. "list environments". */
  name: string;
  scope: TokenScope;
  /** null: any 2xx is success whatever its body (none, empty, JSON or not), which is not read. */
  schema: ResponseSchema<T> | null;
  body?: unknown;
  /** Remember the ETag and answer a 304 from memory. Only for responses that hold no clear value. */
  etag?: boolean;
}


export const endpoints = {
  listEnvironments: (): Endpoint<EnvironmentsResponse> => ({
    name: 'list environments',
    ...requests.listEnvironments(),
    scope: 'read',
    schema: environmentsResponseSchema,
  }),
  listApps: (): Endpoint<AppsResponse> => ({
    name: 'list apps',
    ...requests.listApps(),
    scope: 'read',
    schema: appsResponseSchema,
  }),
  getApp: (ref: string, identifierType: AppIdentifierType): Endpoint<App> => ({
    name: 'look up app',
    ...requests.getApp(ref, identifierType),
    scope: 'read',
    schema: appSchema,
  }),
  renderedSecrets: (params: RenderedParams): Endpoint<RenderedSecretsResponse> => ({
    name: params.mode === 'Full' ? 'reveal secrets' : 'list secrets',
    ...requests.renderedSecrets(params),
    scope: 'read',
    schema: renderedSecretsResponseSchema,
    etag: params.mode === 'PreviewOnly',
  }),
  getSecret: (appId: string, secretId: string): Endpoint<SecretEntity> => ({
    name: 'read secret',
    ...requests.getSecret(appId, secretId),
    scope: 'read',
    schema: secretEntitySchema,
  }),
  createSecret: (appId: string, body: CreateSecretBody): Endpoint<CreatedSecret> => ({
    name: 'create secret',
    ...requests.createSecret(appId),
    scope: 'write',
    schema: createdSecretSchema,
    body,
  }),
  setValue: (appId: string, secretId: string, envId: string, text: string): Endpoint<void> => ({
    name: 'set secret value',
    ...requests.setValue(appId, secretId, envId),
    scope: 'write',
    schema: null,
    body: setValueBody(text),
  }),
};
