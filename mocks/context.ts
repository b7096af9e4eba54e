/**
 * One fake instance: its store, fault rules and live settings, and how to reset all three.
 * Shared by the three entries (browser worker, msw node server, HTTP server).
 */
import { seedInit } from './datasets.ts';
import { faults as sharedFaults, type FaultController } from './faults.ts';
import type { SeedOptions } from './seed.ts';
import { FakeStore } from './store.ts';

/**
 * What a successful write answers (the service's CLI reads only the created secret's `id`, and
 * nothing of a set value's answer):
 * - `minimal`: create 201 `{ id, name, slug }`, set value 200 with an empty body;
 * - `empty`: create 201 `{ id }`, set value 204;
 * - `entity`: create 201 and set value 200 with the whole secret entity.
 */
export const WRITE_RESPONSES = ['minimal', 'empty', 'entity'] as const;
export type WriteResponses = (typeof WRITE_RESPONSES)[number];
export const DEFAULT_WRITE_RESPONSES: WriteResponses = 'minimal';

/** Read on every request, so tests and `/__fake/settings` can change them while running. */
export interface FakeSettings {
  /** Delay added to every API response (not to `/__fake` control calls). */
  latencyMs: number;
  /** false: `GET /apps` answers 404, as if the (assumed) listing endpoint did not exist. */
  appsListing: boolean;
  /** The answers of create and set value (see WRITE_RESPONSES). */
  writeResponses: WriteResponses;
}

export interface FakeContextOptions extends SeedOptions {
  latencyMs?: number;
  appsListing?: boolean;
  /** Default DEFAULT_WRITE_RESPONSES; a reset restores this one. */
  writeResponses?: WriteResponses;
  /** Default: the process-wide `faults` singleton. */
  faults?: FaultController;
  /** Default: a store seeded from the SeedOptions. */
  store?: FakeStore;
}

export interface FakeContext {
  store: FakeStore;
  faults: FaultController;
  settings: FakeSettings;
  /** Reseeds the store (with `seed`, else the initial seed options), clears faults, restores settings. */
  reset(seed?: SeedOptions): void;
}

export function createFakeContext(options: FakeContextOptions = {}): FakeContext {
  const { latencyMs = 0, appsListing = true, writeResponses = DEFAULT_WRITE_RESPONSES, faults = sharedFaults, store, ...seedOptions } = options;
  const initialSettings: FakeSettings = { latencyMs, appsListing, writeResponses };
  const context: FakeContext = {
    store: store ?? new FakeStore(seedInit(seedOptions)),
    faults,
    settings: { ...initialSettings },
    reset(seed) {
      context.store.load(seedInit(seed ?? seedOptions));
      context.faults.clear();
      Object.assign(context.settings, initialSettings);
    },
  };
  return context;
}
