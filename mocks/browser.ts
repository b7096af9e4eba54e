/**
 * The demo: the fake API in a service worker (msw), under the same-origin `/api` prefix the
 * dashboard uses, with control endpoints at `/__fake/...` (handy for Playwright; each call needs
 * the header `X-Fake-Control: 1`).
 *
 * State (demo data only) lives in sessionStorage under DEMO_STORAGE_KEY, saved after every change,
 * so a reload keeps what the user created; a new tab starts from the seed.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createFakeContext, type FakeContext } from './context.ts';
import { seedInit } from './datasets.ts';
import { createHandlers } from './handlers.ts';
import type { SeedOptions } from './seed.ts';
import { FakeStore } from './store.ts';

export const DEMO_STORAGE_KEY = 'demo-fake-api-state';
export const DEMO_BASE_URL = '/api';
export const DEMO_LATENCY_MS = 150;

export interface DemoWorkerOptions {
  /** Delay per API response; default DEMO_LATENCY_MS. */
  latencyMs?: number;
  /** Seed used when nothing is saved (and by resets). Default: the demo dataset. */
  seed?: SeedOptions;
}

export interface DemoWorker {
  worker: SetupWorker;
  context: FakeContext;
}

let running: Promise<DemoWorker> | null = null;

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings)
  }
}

function loadSavedStore(): FakeStore | null {
  const saved = storage()?.getItem(DEMO_STORAGE_KEY);
  if (!saved) return null;
  try {
    return FakeStore.fromJSON(saved);
  } catch {
    console.warn('Demo data in sessionStorage is unreadable; starting from the seed.');
    return null;
  }
}

function save(store: FakeStore): void {
  try {
    storage()?.setItem(DEMO_STORAGE_KEY, JSON.stringify(store));
  } catch {
    console.warn('Could not save the demo data in sessionStorage.');
  }
}

const WORKER_URL = '/mockServiceWorker.js';
let trustedWorkerUrl: unknown;
/** The Trusted Types policy the served Content-Security-Policy names for the demo (deploy/nginx). */
export const DEMO_TRUSTED_TYPES_POLICY = 'dashboard-demo';

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): { createScriptURL(url: string): unknown };
}

/**
 * Registers the worker with a TrustedScriptURL, from a policy that allows this one URL, and waits
 * until it controls the page. Where a Content-Security-Policy requires Trusted Types for scripts
 * (deploy/nginx), msw cannot register it itself (it passes the URL on as a string); it then finds
 * this registration.
 */
async function registerTrustedWorker(): Promise<void> {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || typeof navigator === 'undefined' || !navigator.serviceWorker) return;
  // A policy name can be created once per page.
  trustedWorkerUrl ??= factory
    .createPolicy(DEMO_TRUSTED_TYPES_POLICY, {
      createScriptURL: (url) => {
        if (url !== WORKER_URL) throw new TypeError(`Not the demo's worker: ${url}`);
        return url;
      },
    })
    .createScriptURL(WORKER_URL);
  const container = navigator.serviceWorker;
  await container.register(trustedWorkerUrl as string);
  if (container.controller) return;
  await new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
}

const START_OPTIONS = { onUnhandledRequest: 'bypass', serviceWorker: { url: WORKER_URL }, quiet: true } as const;
/** How long starting the worker again may take before the demo counts it lost. */
const RESTART_TIMEOUT_MS = 10_000;
/** How long a restart waits for the previous worker to answer before going on without it. */
const ANSWER_TIMEOUT_MS = 2_000;
/**
 * The worker serving this page since the last start; 'in-page' in msw's fallback mode (no service
 * worker: it intercepts fetch in the page, where nothing can stop it).
 */
let serving: ServiceWorker | 'in-page' | null = null;
/** Set on every `beforeunload`: msw then tells the worker this page has closed, even when it stays. */
let clientClosed = false;
let restarting: Promise<void> | null = null;

/** Starts the worker once (later calls return the same instance). */
export function startDemoWorker(options: DemoWorkerOptions = {}): Promise<DemoWorker> {
  running ??= (async () => {
    const seed = options.seed ?? {};
    const context = createFakeContext({
      ...seed,
      latencyMs: options.latencyMs ?? DEMO_LATENCY_MS,
      store: loadSavedStore() ?? new FakeStore(seedInit(seed)),
    });
    save(context.store);
    context.store.subscribe(() => save(context.store));
    const worker = setupWorker(
      ...createHandlers(context.store, context.faults, {
        baseUrl: DEMO_BASE_URL,
        settings: context.settings,
        control: { baseUrl: '', reset: context.reset },
      }),
    );
    await registerTrustedWorker();
    serving = await startServing(worker);
    window.addEventListener('beforeunload', () => {
      clientClosed = true;
    });
    return { worker, context };
  })().catch((error: unknown) => {
    running = null;
    throw error;
  });
  return running;
}

/**
 * Back to the seed (the worker's initial seed unless given): the running store is reloaded and
 * saved, faults cleared; without a running worker, the saved copy is replaced.
 */
export async function resetDemoData(seed?: SeedOptions): Promise<void> {
  if (running) {
    (await running).context.reset(seed);
    return;
  }
  save(new FakeStore(seedInit(seed)));
}

/**
 * Resolves once the worker serves this page's requests, starting it again first when it may have
 * stopped: after a `beforeunload` the page survived (the user chose to stay), or when another worker
 * took control. Rejects when it cannot be started again.
 */
export function ensureDemoWorkerServing(): Promise<void> {
  if (!running) return Promise.resolve();
  return running.then((demo) => {
    if (serving === 'in-page') return;
    if (!clientClosed && serving !== null && navigator.serviceWorker.controller === serving) return;
    // One restart at a time; a request that waits too long fails, the restart goes on for the next.
    restarting ??= restart(demo).finally(() => {
      restarting = null;
    });
    return withTimeout(restarting, RESTART_TIMEOUT_MS);
  });
}

/** msw's start, then the worker it talks to once that worker controls the page. */
async function startServing(worker: SetupWorker): Promise<ServiceWorker | 'in-page'> {
  const registration = await worker.start(START_OPTIONS);
  if (!('serviceWorker' in navigator) || registration === undefined) return 'in-page';
  const active = registration.active;
  if (!active) throw new Error('The demo worker did not become active.');
  const container = navigator.serviceWorker;
  while (container.controller !== active) {
    await new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
  }
  return active;
}

/**
 * Stops msw (so that it can start again) and starts it again, registering the worker again first:
 * told that the page closed, it unregisters itself when no other tab uses it.
 */
async function restart({ worker }: DemoWorker): Promise<void> {
  clientClosed = false;
  serving = null;
  const previous = navigator.serviceWorker.controller;
  worker.stop();
  // The stop tells the previous worker once more that this page closed, and it may then unregister
  // the registration of its scope: let it handle that before a new registration exists.
  if (previous) await answered(previous);
  await registerTrustedWorker();
  serving = await startServing(worker);
}

/**
 * Resolves when the worker has answered a message posted after everything sent to it before (or,
 * when it does not answer, after ANSWER_TIMEOUT_MS).
 */
async function answered(target: ServiceWorker): Promise<void> {
  // msw posts its messages a task later (after its worker promise settles).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const container = navigator.serviceWorker;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('message', onMessage);
      resolve();
    };
    const onMessage = (event: MessageEvent<unknown>) => {
      if (event.source === target && (event.data as { type?: unknown } | null)?.type === 'KEEPALIVE_RESPONSE') done();
    };
    const timer = setTimeout(done, ANSWER_TIMEOUT_MS);
    container.addEventListener('message', onMessage);
    target.postMessage('KEEPALIVE_REQUEST');
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The demo worker did not start again in time.')), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
