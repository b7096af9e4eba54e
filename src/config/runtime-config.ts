import * as z from 'zod/mini';

/**
 * Runtime configuration, set by `/app-config.js` (served by the dev/preview server, or edited in
 * dist/ for a static deployment). Parsed, never trusted: anything invalid falls back to the
 * real API at the same-origin prefix `/api`.
 */
/** The API origins a deployment allows by default (the service's own). */
export const DEFAULT_API_ORIGINS = ['https://api.commandk.dev', 'https://*.commandk.dev'];

/**
 * An origin as a Content-Security-Policy source can name it: scheme, host (optionally `*.` in
 * front) and port — nothing a policy would read as another directive or source.
 */
export const API_ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** A session's limits and where its tokens are kept, unless app-config.js says otherwise. */
export const DEFAULT_SESSION_LIMITS = { idleTimeoutMinutes: 15, absoluteTimeoutHours: 12, tokenStorage: 'session' } as const;

const runtimeConfigSchema = z.object({
  demo: z._default(z.boolean(), false),
  apiBaseUrl: z._default(z.string().check(z.minLength(1)), '/api'),
  /** How long a request may go unanswered before the dashboard says so. */
  requestTimeoutMs: z._default(z.int().check(z.gte(1000), z.lte(120_000)), 15_000),
  /** Where an absolute API URL may point besides this origin; the served policy's connect-src. */
  apiOrigins: z._default(z.array(z.string().check(z.regex(API_ORIGIN_PATTERN))), DEFAULT_API_ORIGINS),
  /** Minutes without activity after which the session ends (the user is warned shortly before). */
  idleTimeoutMinutes: z._default(z.int().check(z.gte(1), z.lte(1440)), DEFAULT_SESSION_LIMITS.idleTimeoutMinutes),
  /** Hours after signing in after which the session ends, active or not. */
  absoluteTimeoutHours: z._default(z.int().check(z.gte(1), z.lte(168)), DEFAULT_SESSION_LIMITS.absoluteTimeoutHours),
  /** Where tokens are kept: this tab's sessionStorage (a reload keeps the session) or page memory only. */
  tokenStorage: z._default(z.enum(['session', 'memory']), DEFAULT_SESSION_LIMITS.tokenStorage),
  /** The demo only: how late its fake answers (unset: the demo's own delay, which shows loading states). */
  demoLatencyMs: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

declare global {
  interface Window {
    __DASHBOARD_CONFIG__?: unknown;
  }
}

export function readRuntimeConfig(source: unknown = typeof window === 'undefined' ? undefined : window.__DASHBOARD_CONFIG__): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(source ?? {});
  if (parsed.success) return parsed.data;
  // A mistake elsewhere in the file never loosens the stricter choice: memory-only tokens stay so.
  const memoryOnly = (source as { tokenStorage?: unknown } | null | undefined)?.tokenStorage === 'memory';
  return runtimeConfigSchema.parse(memoryOnly ? { tokenStorage: 'memory' } : {});
}
