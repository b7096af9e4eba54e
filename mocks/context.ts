/**
 * One fake instance: its store, fault rules and live settings, and how to reset all three.
 * Shared by the three entries (browser worker, msw node server, HTTP server).
 */
import { faults as sharedFaults, type FaultController } from './faults.ts';
import { seedInit, type SeedOptions } from './seed.ts';
import { FakeStore } from './store.ts';

/** Read on every request, so tests and `/__fake/settings` can change them while running. */
export interface FakeSettings {
  /** Delay added to every API response (not to `/__fake` control calls). */
  latencyMs: number;
  /** false: `GET /apps` answers 404, as if the (assumed) listing endpoint did not exist. */
  appsListing: boolean;
}

export interface FakeContextOptions extends SeedOptions {
  latencyMs?: number;
  appsListing?: boolean;
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
  const { latencyMs = 0, appsListing = true, faults = sharedFaults, store, ...seedOptions } = options;
  const initialSettings: FakeSettings = { latencyMs, appsListing };
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
