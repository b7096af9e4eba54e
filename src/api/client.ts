/**
 * The authenticated fetch wrapper: the only code in the dashboard that calls `fetch`.
 *
 * - `Authorization: Bearer` goes only to the configured API origin, never into a URL;
 *   reads use the read token, writes the write token when there is one.
 * - Every response is parsed with the endpoint's zod schema; anything else is an ApiError. An
 *   endpoint without a schema (a write whose answer the service does not promise) succeeds on any 2xx.
 * - Rendered secrets in PreviewOnly mode are cached by ETag in memory (never Full mode:
 *   a revealed value must live only in the react-query entry that shows it).
 */
import { createListeners } from '@/lib/listeners';
import { ApiError, defaultMessage, parseRetryAfter } from './api-error';
import { apiErrorBodySchema, HEADERS, type Endpoint, type HttpRequest, type QueryValue, type TokenScope } from './contract';

export interface ApiSession {
  /** Base URL of the API: absolute (`https://api.example.com`) or same-origin path (`/api`). */
  baseUrl: string;
  /** Token used for reads (and writes when no write token is given). */
  readToken: string;
  /** Optional write-scoped token, used for writes. */
  writeToken?: string | undefined;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  /** Default 15 s. */
  timeoutMs?: number;
  /** Resolves a relative base URL; defaults to `location.origin`. */
  origin?: string;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * The URL of a request: the base URL (absolute, or a same-origin path resolved against `origin`)
 * joined with the path; a list query value is sent as the parameter repeated once per item.
 */
export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> | undefined, origin: string): URL {
  const base = new URL(baseUrl.replace(/\/+$/, '') + '/', origin);
  const url = new URL(path.replace(/^\/+/, ''), base);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value as readonly string[]) url.searchParams.append(key, v);
    else url.searchParams.append(key, String(value));
  }
  return url;
}

/**
 * The fetch options of every API request: no cookies, no HTTP cache (responses may hold values),
 * no referrer.
 */
function fetchOptions(method: HttpRequest['method'], headers: Headers, body: string | undefined, signal: AbortSignal): RequestInit {
  return { method, headers, body, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', signal };
}

function defaultOrigin(): string {
  return typeof location !== 'undefined' ? location.origin : 'http://localhost';
}

export class ApiClient {
  #session: ApiSession | null = null;
  #unauthorizedListeners = createListeners<[failed: TokenScope]>();
  #sessionListeners = createListeners();
  #unauthorizedSignalled = false;
  #etags = new Map<string, { etag: string; data: unknown }>();
  #unavailable = new Set<string>();
  #fetch: typeof fetch;
  #timeoutMs: number;
  readonly #origin: string | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.#fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#origin = options.origin;
  }

  /** Replaces the transport (the demo's waits until its in-page fake API serves the page). */
  setFetch(fetch: typeof globalThis.fetch): void {
    this.#fetch = fetch;
  }

  /** The default timeout of every request (runtime config `requestTimeoutMs`). */
  setTimeoutMs(ms: number): void {
    this.#timeoutMs = ms;
  }

  /** Sets (or clears) the session; forgets every cached response of the previous one. */
  setSession(session: ApiSession | null): void {
    this.#session = session;
    this.#unauthorizedSignalled = false;
    this.#etags.clear();
    this.#unavailable.clear();
    this.#sessionListeners.emit();
  }

  /** Called whenever the session is set or cleared. Returns an unsubscribe function. */
  onSessionChange(listener: () => void): () => void {
    return this.#sessionListeners.subscribe(listener);
  }

  /**
   * Whether writes can succeed: only with a Write token. The API token is the Read one, and
   * neither scope includes the other, so without a Write token every write would be refused.
   */
  get canWrite(): boolean {
    return Boolean(this.#session?.writeToken);
  }

  /** Remembers, until the session changes, that the server does not offer an endpoint (by name). */
  markUnavailable(endpointName: string): void {
    this.#unavailable.add(endpointName);
  }

  isUnavailable(endpointName: string): boolean {
    return this.#unavailable.has(endpointName);
  }

  get session(): ApiSession | null {
    return this.#session;
  }

  /**
   * Called once per session on the first 401, with the token that was refused ('write' only when
   * a write token was sent). Returns an unsubscribe function.
   */
  onUnauthorized(listener: (failed: TokenScope) => void): () => void {
    return this.#unauthorizedListeners.subscribe(listener);
  }

  clearCache(): void {
    this.#etags.clear();
  }

  async request<T>(endpoint: Endpoint<T>, options: RequestOptions = {}): Promise<T> {
    const session = this.#session;
    if (!session) {
      throw new ApiError({ kind: 'http', status: 401, endpoint: endpoint.name, message: defaultMessage(401, endpoint.name) });
    }
    const origin = this.#origin ?? defaultOrigin();
    const url = buildUrl(session.baseUrl, endpoint.path, endpoint.query, origin);
    const apiOrigin = new URL(session.baseUrl, origin).origin;

    const headers = new Headers({ Accept: 'application/json' });
    if (url.origin === apiOrigin) {
      const token = endpoint.scope === 'write' ? (session.writeToken || session.readToken) : session.readToken;
      try {
        headers.set(HEADERS.authorization, `Bearer ${token}`);
      } catch {
        // No cause: the Headers TypeError quotes the whole value, token included (e.g. a pasted newline).
        throw new ApiError({
          kind: 'http',
          status: 401,
          endpoint: endpoint.name,
          message: 'The token contains characters that cannot be sent in a header. Sign in again with a valid token.',
        });
      }
    }
    if (endpoint.body !== undefined) headers.set(HEADERS.contentType, 'application/json');
    const cacheKey = url.href;
    const cached = endpoint.etag ? this.#etags.get(cacheKey) : undefined;
    if (cached) headers.set(HEADERS.ifNoneMatch, cached.etag);

    const response = await this.#send(url, endpoint, headers, options);

    if (response.status === 304) {
      if (cached) return cached.data as T;
      this.#etags.delete(cacheKey);
      throw unexpected(endpoint, 'a 304 without a cached copy');
    }
    if (!response.ok) throw await this.#httpError(response, endpoint, session);
    if (endpoint.schema === null) {
      void response.body?.cancel().catch(() => undefined);
      return undefined as T;
    }

    let json: unknown;
    try {
      json = await response.json();
    } catch {
      // No cause attached: a JSON SyntaxError quotes the body, which may hold a secret value.
      throw unexpected(endpoint, 'a body that is not JSON');
    }
    const parsed = endpoint.schema.safeParse(json);
    if (!parsed.success) throw unexpected(endpoint, 'a body that does not match the contract');

    const etag = response.headers.get(HEADERS.etag);
    if (endpoint.etag && etag && this.#session === session) this.#etags.set(cacheKey, { etag, data: parsed.data });
    return parsed.data;
  }

  async #send(url: URL, endpoint: Endpoint<unknown>, headers: Headers, options: RequestOptions): Promise<Response> {
    const controller = new AbortController();
    const callerSignal = options.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? this.#timeoutMs);
    const onCallerAbort = () => controller.abort();
    if (callerSignal?.aborted) controller.abort();
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

    try {
      const body = endpoint.body === undefined ? undefined : JSON.stringify(endpoint.body);
      return await this.#fetch(url.href, fetchOptions(endpoint.method, headers, body, controller.signal));
    } catch (cause) {
      if (timedOut) {
        throw new ApiError({ kind: 'timeout', endpoint: endpoint.name, message: `The API did not answer in time (${endpoint.name}). Try again.`, cause });
      }
      if (callerSignal?.aborted) {
        throw new ApiError({ kind: 'aborted', endpoint: endpoint.name, message: `Cancelled (${endpoint.name}).`, cause });
      }
      throw new ApiError({
        kind: 'network',
        endpoint: endpoint.name,
        message: `Could not reach the API (${endpoint.name}). Check your connection and try again.`,
        cause,
      });
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    }
  }

  async #httpError(response: Response, endpoint: Endpoint<unknown>, session: ApiSession): Promise<ApiError> {
    let body: ReturnType<typeof apiErrorBodySchema.parse> = {};
    try {
      const parsed = apiErrorBodySchema.safeParse(await response.json());
      if (parsed.success) body = parsed.data;
    } catch {
      // A non-JSON error body: fall back to the status's own message.
    }
    // A 401 answered to a request of an earlier session must not sign the current one out.
    if (response.status === 401 && this.#session === session) this.#signalUnauthorized(endpoint.scope === 'write' && session.writeToken ? 'write' : 'read');
    return new ApiError({
      kind: 'http',
      endpoint: endpoint.name,
      status: response.status,
      message: redactTokens(body.message?.trim(), session) || defaultMessage(response.status, endpoint.name),
      requestId: body.requestId,
      error: redactTokens(body.error, session),
      errorType: body.errorType,
      entityId: body.entityId,
      retryAfterMs: parseRetryAfter(response.headers.get(HEADERS.retryAfter)),
    });
  }

  #signalUnauthorized(failed: TokenScope): void {
    if (this.#unauthorizedSignalled) return;
    this.#unauthorizedSignalled = true;
    this.#unauthorizedListeners.emit(failed);
  }
}

/** A server may echo the token it rejected ("invalid token abc…"): never let it reach the UI. */
function redactTokens(text: string | undefined, session: ApiSession): string | undefined {
  if (text === undefined) return undefined;
  let out = text;
  for (const token of [session.readToken, session.writeToken]) {
    if (token && token.trim() !== '') out = out.split(token.trim()).join('[redacted]');
  }
  return out;
}

function unexpected(endpoint: Endpoint<unknown>, what: string): ApiError {
  return new ApiError({
    kind: 'unexpected-response',
    endpoint: endpoint.name,
    message: `Unexpected response from the API (${endpoint.name}): ${what}.`,
  });
}

/** The dashboard's client. The session layer sets its session; feature request functions use it. */
export const apiClient = new ApiClient();

export function apiRequest<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<T> {
  return apiClient.request(endpoint, { signal });
}
