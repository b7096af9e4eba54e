/// <reference types="node" />
/**
 * The fake API over real sockets (node:http), for the dev server proxy, Playwright and benchmarks:
 *
 *   npm run api:fake -- --port 8787 [--host 127.0.0.1] [--secrets N --envs N --apps N --seed N]
 *                       [--gaps-app] [--canary VALUE] [--latency MS] [--no-apps-listing]
 *                       [--write-responses minimal|empty|entity]
 *
 * The same msw handlers answer at `/` (where the service's CLI calls) and under `/api/`
 * (requests go through msw's `getResponse`). Control endpoints only at the root, `/__fake/...`, no
 * token but the header `X-Fake-Control: 1` (never sent cross-origin: the CORS preflight does not
 * allow it). CORS for localhost origins.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse } from 'msw';
import { HEADERS, PATHS } from '../src/api/contract.ts';
import { FAKE_CONTROL_VALUE, FAKE_TOKENS } from './auth.ts';
import { createFakeContext, DEFAULT_WRITE_RESPONSES, WRITE_RESPONSES, type FakeContext, type FakeContextOptions, type WriteResponses } from './context.ts';
import { wantsGenerator } from './datasets.ts';
import { createHandlers } from './handlers.ts';
import { errorResponse } from './responses.ts';
import { GAPS_APP_ID } from './seed.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
/** Requests are handed to msw under this origin, whatever Host the client sent. */
const INTERNAL_ORIGIN = 'http://fake.internal';
/** Larger bodies get a 413 before reaching the handlers (they answer 413 to a value over MAX_VALUE_BYTES). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length']);

export interface HttpFakeOptions extends FakeContextOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface HttpFake {
  /** e.g. `http://127.0.0.1:8787` (the API is also under `${url}/api`). */
  url: string;
  context: FakeContext;
  close(): Promise<void>;
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !LOCAL_ORIGIN.test(origin)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': [HEADERS.etag, HEADERS.retryAfter].join(', '),
    Vary: 'Origin',
  };
}

/** The control header is left out on purpose: no cross-origin page may program the fake. */
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': [HEADERS.authorization, HEADERS.contentType, HEADERS.ifNoneMatch].join(', '),
  'Access-Control-Max-Age': '600',
};

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toFetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function send(res: ServerResponse, response: Response, cors: Record<string, string>): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...cors });
  res.end(body);
}

export async function startHttpFake(options: HttpFakeOptions = {}): Promise<HttpFake> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ...contextOptions } = options;
  const context = createFakeContext(contextOptions);
  const shared = { settings: context.settings };
  const handlers = [
    // No control under /api: a proxy in front (vite's) forwards /api, so it must not reach them.
    ...createHandlers(context.store, context.faults, { ...shared, baseUrl: `${INTERNAL_ORIGIN}/api` }),
    ...createHandlers(context.store, context.faults, {
      ...shared,
      baseUrl: INTERNAL_ORIGIN,
      control: { baseUrl: INTERNAL_ORIGIN, reset: context.reset },
    }),
  ];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const cors = corsHeaders(req.headers.origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, Object.keys(cors).length > 0 ? { ...cors, ...PREFLIGHT_HEADERS } : {});
      res.end();
      return;
    }
    if (!req.url?.startsWith('/')) {
      await send(res, errorResponse(400, 'Bad request target'), cors);
      return;
    }
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    let body: Buffer | undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      try {
        body = await readBody(req);
      } catch (error) {
        if (!(error instanceof BodyTooLarge)) throw error;
        await send(res, errorResponse(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`), cors);
        return;
      }
    }
    const request = new Request(`${INTERNAL_ORIGIN}${req.url}`, {
      method: req.method,
      headers: toFetchHeaders(req),
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
      signal: aborted.signal,
    });
    const response = (await getResponse(handlers, request)) ?? errorResponse(404, `No route for ${req.method} ${req.url}`);
    if (aborted.signal.aborted) return;
    if (response.type === 'error') {
      res.destroy(); // injected network fault: drop the connection
      return;
    }
    await send(res, response, cors);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('fake API: request failed', error instanceof Error ? error.message : error);
      if (!res.headersSent) void send(res, errorResponse(500, 'The fake API failed to handle this request'), corsHeaders(req.headers.origin));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}`,
    context,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------
const USAGE = `Usage: npm run api:fake -- [--port 8787] [--host 127.0.0.1] [--secrets N] [--envs N] [--apps N]
                        [--seed N] [--gaps-app] [--canary VALUE] [--latency MS] [--no-apps-listing]
                        [--write-responses ${WRITE_RESPONSES.join('|')}]

  --gaps-app         adds the app ${GAPS_APP_ID} (generated data) with as many secrets as the first app:
                     some values missing in some environments, some equal to production's

  --write-responses  what create and set value answer (default ${DEFAULT_WRITE_RESPONSES}; also live via POST /__fake/settings):
                       minimal  create 201 { id, name, slug }, set value 200 with an empty body
                       empty    create 201 { id },             set value 204
                       entity   create 201 and set value 200 with the whole secret entity

  The API answers at / and under /api. Control (faults, reset, settings) only at /__fake/..., with
  the header X-Fake-Control: 1.`;

/** What each write-responses mode answers, for the start-up log. */
const WRITE_RESPONSES_SUMMARY: Record<WriteResponses, string> = {
  minimal: 'create 201 { id, name, slug }, set value 200 empty',
  empty: 'create 201 { id }, set value 204',
  entity: 'create 201 entity, set value 200 entity',
};

function integerFlag(values: Record<string, unknown>, name: string, min: number): number | undefined {
  const text = values[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isInteger(value) || value < min) {
    throw new Error(`--${name} must be an integer ≥ ${min}\n${USAGE}`);
  }
  return value;
}

export function parseCliArgs(args: string[]): HttpFakeOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      secrets: { type: 'string' },
      envs: { type: 'string' },
      apps: { type: 'string' },
      seed: { type: 'string' },
      'gaps-app': { type: 'boolean' },
      canary: { type: 'string' },
      latency: { type: 'string' },
      'no-apps-listing': { type: 'boolean' },
      'write-responses': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const writeResponses = values['write-responses'] ?? DEFAULT_WRITE_RESPONSES;
  if (!(WRITE_RESPONSES as readonly string[]).includes(writeResponses)) {
    throw new Error(`--write-responses must be one of ${WRITE_RESPONSES.join(', ')}\n${USAGE}`);
  }
  return {
    port: integerFlag(values, 'port', 0) ?? DEFAULT_PORT,
    host: values.host ?? DEFAULT_HOST,
    secrets: integerFlag(values, 'secrets', 0),
    envs: integerFlag(values, 'envs', 1),
    apps: integerFlag(values, 'apps', 1),
    seed: integerFlag(values, 'seed', 0),
    gapsApp: values['gaps-app'] ? true : undefined,
    canary: values.canary,
    latencyMs: integerFlag(values, 'latency', 0),
    appsListing: !values['no-apps-listing'],
    writeResponses: writeResponses as WriteResponses,
  };
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  const fake = await startHttpFake(options);
  const { store } = fake.context;
  const dataset = wantsGenerator(options) ? 'generated' : 'demo';
  console.log(`Fake secrets API (${dataset} data: ${store.listApps().length} apps, ${store.listEnvironments().length} environments)`);
  console.log(`  listening on ${fake.url}  (also under ${fake.url}/api)`);
  console.log(`  tokens: read+write ${FAKE_TOKENS.readWrite} | read ${FAKE_TOKENS.read} | write ${FAKE_TOKENS.write}`);
  console.log(`  write responses: ${fake.context.settings.writeResponses} (${WRITE_RESPONSES_SUMMARY[fake.context.settings.writeResponses]})`);
  const control = `${fake.url}${PATHS.fakeControl}`;
  console.log(`  control (header ${HEADERS.fakeControl}: ${FAKE_CONTROL_VALUE}): POST|GET|DELETE ${control}/faults, POST ${control}/reset, GET|POST ${control}/settings`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolvePath(entry)).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
