/**
 * msw handlers for every endpoint of the contract (../shared/api-contract.md), under `baseUrl`.
 *
 * Every API handler runs the same pipeline (pipeline.ts): fault injection (before anything),
 * settings latency, Bearer token + scope (auth.ts), a JSON Content-Type where a body is read (else
 * 415), then the endpoint (apps-routes.ts, secrets-routes.ts). Every response carries
 * `Cache-Control: no-store`; every error is `{ requestId, error, message, errorType?, entityId? }`
 * (responses.ts). Handlers never log values. Under the base, a path with malformed
 * percent-encoding gets a 400, a known path with another method a 405 (with `Allow`), any other
 * path a 404. What create and set value answer follows `settings.writeResponses` (context.ts).
 *
 * Optional control endpoints under `control.baseUrl` (control-routes.ts; no token, no faults, never
 * under the API base; every call must carry `X-Fake-Control: 1`, else 403):
 *   POST   /__fake/faults    one rule or a list (see faults.ts)   → 201 { rules }
 *   GET    /__fake/faults                                         → 200 { rules }
 *   DELETE /__fake/faults                                         → 204
 *   POST   /__fake/reset     optional SeedOptions body            → 204 (store reseeded, faults cleared, settings restored)
 *   GET|POST /__fake/settings  { latencyMs?, appsListing?, writeResponses? } → 200 settings
 */
import { http, type HttpHandler } from 'msw';
import { appsRoutes } from './apps-routes.ts';
import { DEFAULT_WRITE_RESPONSES, type FakeSettings, type WriteResponses } from './context.ts';
import { controlRoutes, type ControlOptions } from './control-routes.ts';
import type { FaultController } from './faults.ts';
import { createRouter } from './pipeline.ts';
import { noRoute } from './responses.ts';
import { secretsRoutes } from './secrets-routes.ts';
import type { FakeStore } from './store.ts';

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

export function createHandlers(store: FakeStore, faults: FaultController, options: HandlerOptions): HttpHandler[] {
  const settings: FakeSettings = options.settings ?? {
    latencyMs: options.latencyMs ?? 0,
    appsListing: options.appsListing ?? true,
    writeResponses: options.writeResponses ?? DEFAULT_WRITE_RESPONSES,
  };
  const base = options.baseUrl.replace(/\/+$/, '');
  const router = createRouter(faults, settings);
  const context = { store, settings, router, api: (path: string) => `${base}${path}` };

  const apiHandlers: HttpHandler[] = [
    router.malformedPathGuard(base),
    ...appsRoutes(context),
    ...secretsRoutes(context),
    // In declaration order, so the rendered path's 405 comes before the one of PATHS.secret.
    ...router.methodNotAllowed('open'),
    // Anything else under the API prefix: a JSON 404 (never falls through to the dev server).
    http.all(`${base}/*`, router.route('open', ({ request, url }) => noRoute(request, url))),
  ];
  return [...(options.control ? controlRoutes(options.control, faults, settings) : []), ...apiHandlers];
}
