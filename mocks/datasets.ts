/**
 * Which dataset a fake starts from (the entries and `/__fake/reset` use it): the demo, or a
 * generated one when any of secrets/envs/apps/seed/gapsApp is given.
 */
import { demoInit } from './demo-dataset.ts';
import { generateDataset } from './generated-dataset.ts';
import type { SeedOptions } from './seed.ts';
import type { StoreInit } from './store-snapshot.ts';

/** True when the options ask for a generated dataset rather than the demo. */
export function wantsGenerator(options: SeedOptions): boolean {
  return options.secrets !== undefined || options.envs !== undefined || options.apps !== undefined || options.seed !== undefined || options.gapsApp === true;
}

/** The demo, or a generated dataset when any of secrets/envs/apps/seed/gapsApp is given. */
export function seedInit(options: SeedOptions = {}): StoreInit {
  return wantsGenerator(options) ? generateDataset(options) : demoInit(options);
}
