/**
 * Fault injection, per request, without editing handlers: tests program rules, every handler asks
 * `faults.take(request)` first (before auth) and applies the fault it gets.
 *
 *   faults.add({ match: { path: /secrets\/rendered/, mode: 'Full' },
 *                fault: { kind: 'status', status: 429, retryAfter: 2 }, times: 1 });
 *
 * The same rule travels as JSON to `POST /__fake/faults` (a RegExp as `pathPattern` string,
 * `times: null` or `"Infinity"` for ever); see `parseFaultRules`.
 */
import { z } from 'zod';
import { PATHS, QUERY, RENDER_MODES, type ApiErrorBody, type RenderMode } from '../src/api/contract.ts';

export type Fault =
  /** Delay, then answer normally. */
  | { kind: 'latency'; ms: number }
  /** An error response with the error body (overridable) and optional `Retry-After` seconds. */
  | { kind: 'status'; status: number; retryAfter?: number; body?: Partial<ApiErrorBody> }
  /** 200 with `Content-Type: application/json` and a truncated, unparsable body. */
  | { kind: 'malformed-json' }
  /** 200 with valid JSON that matches no response schema of the contract. */
  | { kind: 'schema-break' }
  /** Never answers until the request is aborted. */
  | { kind: 'hang' }
  /** A network error (`HttpResponse.error()`; over real sockets, the connection is destroyed). */
  | { kind: 'network' };

export type FaultKind = Fault['kind'];

export interface FaultMatch {
  /** HTTP method, any case. */
  method?: string;
  /**
   * Matched against the URL pathname. A RegExp is tested as is; a string matches the end of the
   * pathname and may use `:param` segments, e.g. '/environments' or PATHS.secret; a `:param`
   * never matches a literal segment of the contract's paths (so PATHS.secret skips '/rendered').
   */
  path?: string | RegExp;
  /** The `mode` query parameter of rendered secrets. */
  mode?: RenderMode;
}

export interface FaultRule {
  match?: FaultMatch;
  fault: Fault;
  /** How many matching requests get the fault; default 1, `Infinity` for ever. */
  times?: number;
}

export interface ActiveFaultRule {
  id: number;
  match: FaultMatch;
  fault: Fault;
  remaining: number;
}

// ---------------------------------------------------------------------------------------------
// JSON form
// ---------------------------------------------------------------------------------------------
const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('latency'), ms: z.number().nonnegative().max(600_000) }),
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    retryAfter: z.number().int().nonnegative().optional(),
    body: z
      .strictObject({
        requestId: z.string().optional(),
        error: z.string().optional(),
        message: z.string().optional(),
        errorType: z.string().optional(),
        entityId: z.string().optional(),
      })
      .optional(),
  }),
  z.strictObject({ kind: z.literal('malformed-json') }),
  z.strictObject({ kind: z.literal('schema-break') }),
  z.strictObject({ kind: z.literal('hang') }),
  z.strictObject({ kind: z.literal('network') }),
]);

const faultRuleJsonSchema = z.strictObject({
  match: z
    .strictObject({
      method: z.string().optional(),
      path: z.string().optional(),
      /** RegExp source, tested against the pathname. */
      pathPattern: z.string().optional(),
      pathFlags: z.string().optional(),
      mode: z.enum(RENDER_MODES).optional(),
    })
    .optional(),
  fault: faultSchema,
  times: z.union([z.number().int().positive(), z.literal('Infinity'), z.null()]).optional(),
});

export class FaultRuleError extends Error {
  override name = 'FaultRuleError';
}

/** Parses one rule or a list of rules sent as JSON (throws FaultRuleError when invalid). */
export function parseFaultRules(input: unknown): FaultRule[] {
  const list = Array.isArray(input) ? input : [input];
  return list.map((item, index) => {
    const parsed = faultRuleJsonSchema.safeParse(item);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'rule'}: ${issue.message}`).join('; ');
      throw new FaultRuleError(`fault rule ${index}: ${issues}`);
    }
    const { match = {}, fault, times } = parsed.data;
    if (match.path !== undefined && match.pathPattern !== undefined) {
      throw new FaultRuleError(`fault rule ${index}: give path or pathPattern, not both`);
    }
    let path: string | RegExp | undefined = match.path;
    if (match.pathPattern !== undefined) {
      try {
        path = new RegExp(match.pathPattern, match.pathFlags);
      } catch {
        throw new FaultRuleError(`fault rule ${index}: pathPattern is not a valid regular expression`);
      }
    }
    return {
      match: {
        ...(match.method === undefined ? {} : { method: match.method }),
        ...(path === undefined ? {} : { path }),
        ...(match.mode === undefined ? {} : { mode: match.mode }),
      },
      fault,
      times: times === null || times === 'Infinity' ? Infinity : (times ?? 1),
    };
  });
}

/** A rule as JSON (RegExp → pathPattern, Infinity → "Infinity"), e.g. for `GET /__fake/faults`. */
export function faultRuleToJson(rule: ActiveFaultRule): Record<string, unknown> {
  const { path, ...match } = rule.match;
  return {
    id: rule.id,
    match: {
      ...match,
      ...(path instanceof RegExp ? { pathPattern: path.source, pathFlags: path.flags } : path === undefined ? {} : { path }),
    },
    fault: rule.fault,
    times: rule.remaining === Infinity ? 'Infinity' : rule.remaining,
  };
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Literal segments of the contract's paths. As in the router, a literal wins over a parameter:
 * ':secretId' never matches 'rendered', so PATHS.secret does not catch rendered secrets.
 */
const LITERAL_SEGMENTS = [...new Set(Object.values(PATHS).flatMap((path) => path.split('/')).filter((s) => s !== '' && !s.startsWith(':')))];
const PARAM_SEGMENT = `(?!(?:${LITERAL_SEGMENTS.map(escapeRegExp).join('|')})(?:/|$))[^/]+`;

/** '/apps/:appId/secrets' → /\/apps\/<param>\/secrets$/ (matches the end of the pathname). */
function pathTemplateToRegExp(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? PARAM_SEGMENT : escapeRegExp(segment)))
    .join('/');
  return new RegExp(`${source}$`);
}

interface CompiledRule extends ActiveFaultRule {
  pathRegExp: RegExp | undefined;
}

export class FaultController {
  #rules: CompiledRule[] = [];
  #nextId = 1;

  /** Adds a rule (checked after the existing ones). Returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new FaultRuleError('times must be positive');
    const match = rule.match ?? {};
    const compiled: CompiledRule = {
      id: this.#nextId++,
      match,
      fault: rule.fault,
      remaining: times,
      pathRegExp: typeof match.path === 'string' ? pathTemplateToRegExp(match.path) : match.path,
    };
    this.#rules.push(compiled);
    return () => {
      this.#rules = this.#rules.filter((r) => r !== compiled);
    };
  }

  clear(): void {
    this.#rules = [];
  }

  /** The active rules, in order. */
  list(): ActiveFaultRule[] {
    return this.#rules.map(({ id, match, fault, remaining }) => ({ id, match, fault, remaining }));
  }

  get size(): number {
    return this.#rules.length;
  }

  /** The fault for this request, if a rule matches; consumes one use of that rule. */
  take(request: Request): Fault | undefined {
    if (this.#rules.length === 0) return undefined;
    const url = new URL(request.url);
    const rule = this.#rules.find((r) => matches(r, request.method, url));
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) this.#rules = this.#rules.filter((r) => r !== rule);
    return rule.fault;
  }
}

function matches(rule: CompiledRule, method: string, url: URL): boolean {
  const { match } = rule;
  if (match.method !== undefined && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.pathRegExp) {
    rule.pathRegExp.lastIndex = 0;
    if (!rule.pathRegExp.test(url.pathname)) return false;
  }
  if (match.mode !== undefined && url.searchParams.get(QUERY.mode) !== match.mode) return false;
  return true;
}

/** The process-wide controller (one per browser tab, Node process or Vitest worker). */
export const faults = new FaultController();
