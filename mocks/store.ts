/**
 * The fake API's in-memory state: environments, providers and apps, each app with its secrets and
 * revisions (app-secrets.ts), plus the listeners told of every change.
 *
 * - Big datasets stay small: an app listed without secrets gets them from `secretsFactory` the
 *   first time it is used (the factory must be deterministic, e.g. seeded per app id).
 * - Serializable: `toJSON()` gives a plain snapshot (every app materialized), `FakeStore.fromJSON`
 *   validates one and rebuilds the store (the browser demo keeps it in sessionStorage).
 * - Values are stored byte-for-byte; the store never logs them.
 */
import type { App, Environment, PurposeType, RenderedSecretsResponse, RenderMode, SecretEntity } from '../src/api/contract.ts';
import { AppSecrets, type AppSecretsContext, type CreateSecretResult, type Revision, type SetValueResult } from './app-secrets.ts';
import { storeSnapshotSchema, type Provider, type StoreInit, type StoreSnapshot } from './store-snapshot.ts';

export type AppLookup =
  | { status: 'found'; app: App }
  | { status: 'not-found' }
  | { status: 'ambiguous'; matches: number };

export class FakeStore {
  #environments: Environment[] = [];
  #envById = new Map<string, Environment>();
  #providers: Provider[] = [];
  #apps = new Map<string, AppSecrets>();
  /** What every app of the current dataset shares; set by #replace. */
  #context!: AppSecretsContext;
  #nextSecretNumber = 1;
  #listeners = new Set<() => void>();

  constructor(init: StoreInit) {
    this.#replace(init);
  }

  /** Validates a snapshot (object or JSON text) and builds a store from it; throws when invalid. */
  static fromJSON(snapshot: unknown): FakeStore {
    const value = typeof snapshot === 'string' ? (JSON.parse(snapshot) as unknown) : snapshot;
    return new FakeStore(storeSnapshotSchema.parse(value));
  }

  /** Every app materialized: the snapshot no longer needs the factory. */
  toJSON(): StoreSnapshot {
    return {
      version: 1,
      environments: this.#environments.map((env) => ({ ...env })),
      providers: this.listProviders(),
      apps: [...this.#apps.values()].map((app) => app.toRecord()),
      nextSecretNumber: this.#nextSecretNumber,
    };
  }

  /** Replaces the whole state (used by reset); listeners are told. */
  load(init: StoreInit): void {
    this.#replace(init);
    this.#changed();
  }

  /** Called after every mutation. Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // --- environments and apps -----------------------------------------------------------------
  listEnvironments(): Environment[] {
    return this.#environments.map((env) => ({ ...env }));
  }

  getEnvironment(envId: string): Environment | undefined {
    const env = this.#envById.get(envId);
    return env && { ...env };
  }

  listProviders(): Provider[] {
    return this.#providers.map((provider) => ({ ...provider }));
  }

  getProvider(providerId: string): Provider | undefined {
    const provider = this.#providers.find((p) => p.id === providerId);
    return provider && { ...provider };
  }

  listApps(): App[] {
    return [...this.#apps.values()].map((state) => ({ ...state.app }));
  }

  getApp(appId: string): App | undefined {
    const state = this.#apps.get(appId);
    return state && { ...state.app };
  }

  findApp(ref: string, identifierType: 'Name' | 'Identifier'): AppLookup {
    if (identifierType === 'Identifier') {
      const app = this.getApp(ref);
      return app ? { status: 'found', app } : { status: 'not-found' };
    }
    const matches = [...this.#apps.values()].filter((state) => state.app.name === ref);
    const [first] = matches;
    if (!first) return { status: 'not-found' };
    if (matches.length > 1) return { status: 'ambiguous', matches: matches.length };
    return { status: 'found', app: { ...first.app } };
  }

  /** Adds an app (no secrets); throws when the id is taken. */
  addApp(app: App): App {
    if (this.#apps.has(app.id)) throw new Error(`app id ${app.id} already exists`);
    this.#apps.set(app.id, new AppSecrets({ ...app, secrets: [] }, this.#context));
    this.#changed();
    return { ...app };
  }

  // --- secrets -------------------------------------------------------------------------------
  countSecrets(appId: string): number {
    return this.#apps.get(appId)?.count() ?? 0;
  }

  /** Creates a secret with no value in any environment; every environment's revision changes. */
  createSecret(appId: string, input: { name: string; purposeType: PurposeType; description?: string }): CreateSecretResult {
    const app = this.#apps.get(appId);
    if (!app) return { status: 'not-found', what: 'app' };
    const result = app.create(input);
    if (result.status === 'created') this.#changed();
    return result;
  }

  getSecret(appId: string, secretId: string): SecretEntity | undefined {
    return this.#apps.get(appId)?.get(secretId);
  }

  getSecretByName(appId: string, name: string): SecretEntity | undefined {
    return this.#apps.get(appId)?.getByName(name);
  }

  /** Create-or-replace the value of one secret in one environment, exactly as given. */
  setValue(appId: string, secretId: string, envId: string, text: string): SetValueResult {
    const app = this.#apps.get(appId);
    if (!app) return { status: 'not-found', what: 'app' };
    const result = app.setValue(secretId, envId, text);
    if (result.status === 'ok') this.#changed();
    return result;
  }

  // --- rendered ------------------------------------------------------------------------------
  /** The revision of an app in an environment; undefined when either does not exist. */
  revision(appId: string, envId: string): Revision | undefined {
    return this.#apps.get(appId)?.revision(envId);
  }

  /**
   * The app's secrets in one environment, sorted by key. PreviewOnly masks every value with
   * `previewOf`. `names` (when non-empty) keeps only those names; unknown names are ignored.
   */
  rendered(appId: string, envId: string, mode: RenderMode, names?: readonly string[]): RenderedSecretsResponse | undefined {
    return this.#apps.get(appId)?.rendered(envId, mode, names);
  }

  // --- internals -----------------------------------------------------------------------------
  #replace(init: StoreInit): void {
    this.#environments = init.environments.map((env) => ({ ...env }));
    this.#envById = new Map(this.#environments.map((env) => [env.id, env]));
    this.#providers = (init.providers ?? []).map((provider) => ({ ...provider }));
    this.#nextSecretNumber = init.nextSecretNumber ?? 1;
    this.#context = {
      environments: this.#environments,
      envById: this.#envById,
      factory: init.secretsFactory,
      nextSecretId: () => `sec_new_${String(this.#nextSecretNumber++).padStart(6, '0')}`,
    };
    this.#apps = new Map();
    for (const record of init.apps) {
      if (this.#apps.has(record.id)) throw new Error(`duplicate app id ${record.id}`);
      this.#apps.set(record.id, new AppSecrets(record, this.#context));
    }
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
