/**
 * The fake's secret endpoints: create a secret, read the rendered secrets of an environment (with
 * an ETag), read one secret (never a value), set a value. What create and set value answer follows
 * `settings.writeResponses` (context.ts). Bodies are validated with the contract's own schemas.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import {
  createSecretBodySchema,
  HEADERS,
  MAX_VALUE_BYTES,
  PATHS,
  QUERY,
  RENDER_MODES,
  setValueBodySchema,
  type RenderMode,
  type SecretEntity,
} from '../src/api/contract.ts';
import { param, type ApiContext } from './pipeline.ts';
import { hashHex } from './random.ts';
import { describeIssues, errorResponse, readJsonBody } from './responses.ts';
import { secretNameProblem } from './secret-rules.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function isRenderMode(value: string | null): value is RenderMode {
  return (RENDER_MODES as readonly (string | null)[]).includes(value);
}

/** Does an `If-None-Match` header (a list, `*`, weak or strong) match this ETag? */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

const appNotFound = (appId: string) => errorResponse(404, `App ${JSON.stringify(appId)} not found`);

export function secretsRoutes({ store, settings, router, api }: ApiContext): HttpHandler[] {
  const { endpoint } = router;

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

  return [
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
}
