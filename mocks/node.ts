/**
 * The fake API in Node tests: msw's `setupServer` with the handlers under an absolute base URL.
 *
 *   const fake = createFakeServer();
 *   beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
 *   afterEach(() => fake.reset());
 *   afterAll(() => fake.server.close());
 *
 * Control endpoints live at the origin of `baseUrl` (`http://localhost/__fake/...`) and need the
 * header `X-Fake-Control: 1` (test-client.ts `createControlClient` sends it).
 */
import { setupServer, type SetupServer } from 'msw/node';
import { createFakeContext, type FakeContextOptions, type FakeSettings } from './context.ts';
import type { FaultController } from './faults.ts';
import { createHandlers } from './handlers.ts';
import type { SeedOptions } from './seed.ts';
import type { FakeStore } from './store.ts';

export const DEFAULT_NODE_BASE_URL = 'http://localhost/api';

export interface FakeServerOptions extends FakeContextOptions {
  /** Default `http://localhost/api`. */
  baseUrl?: string;
}

export interface FakeServer {
  server: SetupServer;
  store: FakeStore;
  /** The process-wide `faults` singleton unless another controller was given. */
  faults: FaultController;
  /** Live: e.g. `fake.settings.appsListing = false`. */
  settings: FakeSettings;
  baseUrl: string;
  /** Origin of the `/__fake/...` control endpoints. */
  controlUrl: string;
  /** Reseeds the store (initial options unless given), clears faults, restores settings. */
  reset(seed?: SeedOptions): void;
}

export function createFakeServer(options: FakeServerOptions = {}): FakeServer {
  const { baseUrl = DEFAULT_NODE_BASE_URL, ...contextOptions } = options;
  const context = createFakeContext(contextOptions);
  const controlUrl = new URL(baseUrl).origin;
  const handlers = createHandlers(context.store, context.faults, {
    baseUrl,
    settings: context.settings,
    control: { baseUrl: controlUrl, reset: context.reset },
  });
  return {
    server: setupServer(...handlers),
    store: context.store,
    faults: context.faults,
    settings: context.settings,
    baseUrl,
    controlUrl,
    reset: context.reset,
  };
}
