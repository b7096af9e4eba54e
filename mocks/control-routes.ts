/**
 * The fake's control endpoints under `<baseUrl>/__fake` (see handlers.ts for the list): fault
 * rules, reset and live settings. No token, no faults; every call needs the control header.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import { PATHS } from '../src/api/contract.ts';
import { WRITE_RESPONSES, type FakeSettings } from './context.ts';
import { faultRuleToJson, FaultRuleError, parseFaultRules, type FaultController } from './faults.ts';
import { createRouter } from './pipeline.ts';
import { describeIssues, errorResponse, noRoute, readJsonBody } from './responses.ts';
import type { SeedOptions } from './seed.ts';

export interface ControlOptions {
  /** Prefix of the `/__fake/...` endpoints, e.g. '' (same origin, browser) or 'http://localhost'. */
  baseUrl: string;
  reset: (seed?: SeedOptions) => void;
}

const seedOptionsSchema = z.strictObject({
  secrets: z.number().int().nonnegative().max(200_000).optional(),
  envs: z.number().int().positive().max(100).optional(),
  apps: z.number().int().positive().max(10_000).optional(),
  seed: z.number().int().optional(),
  canary: z.string().min(1).optional(),
  ambiguousAppNames: z.boolean().optional(),
  gapsApp: z.boolean().optional(),
});

const settingsPatchSchema = z.strictObject({
  latencyMs: z.number().nonnegative().max(600_000).optional(),
  appsListing: z.boolean().optional(),
  writeResponses: z.enum(WRITE_RESPONSES).optional(),
});

/** A JSON body parsed with `schema`; with `allowEmpty`, no body gives `value: undefined`. */
async function parseBody<T>(request: Request, schema: z.ZodType<T>, allowEmpty: boolean): Promise<{ ok: true; value: T | undefined } | { ok: false; response: Response }> {
  const body = await readJsonBody(request, allowEmpty);
  if (!body.ok || body.value === undefined) return body.ok ? { ok: true, value: undefined } : body;
  const parsed = schema.safeParse(body.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, response: errorResponse(400, describeIssues(parsed.error)) };
}

export function controlRoutes(control: ControlOptions, faults: FaultController, settings: FakeSettings): HttpHandler[] {
  const { endpoint, methodNotAllowed, malformedPathGuard, route } = createRouter(faults, settings);
  const root = `${control.baseUrl.replace(/\/+$/, '')}${PATHS.fakeControl}`;
  const path = (name: string) => `${root}/${name}`;
  const listRules = () => ({ rules: faults.list().map(faultRuleToJson) });
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
    ...methodNotAllowed('control'),
    http.all(`${root}/*`, route('control', ({ request, url }) => noRoute(request, url))),
  ];
}
