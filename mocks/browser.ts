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
    await worker.start({ onUnhandledRequest: 'bypass', serviceWorker: { url: WORKER_URL }, quiet: true });
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
