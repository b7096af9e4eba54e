/**
 * The fake API's in-memory state: environments, providers, apps, secrets and their values per
 * environment, plus a revision (`incrementalId` + `secretDigest`) per (app, environment).
 *
 * - Big datasets stay small: an app listed without secrets gets them from `secretsFactory` the
 *   first time it is used (the factory must be deterministic, e.g. seeded per app id).
 * - Serializable: `toJSON()` gives a plain snapshot (every app materialized), `FakeStore.fromJSON`
 *   validates one and rebuilds the store (the browser demo keeps it in sessionStorage).
 * - Values are stored byte-for-byte; the store never logs them.
 */
import { z } from 'zod';
import {
  appSchema,
  environmentSchema,
  purposeTypeSchema,
  VALUE_TYPE,
  type App,
  type Environment,
  type PurposeType,
  type RenderedSecret,
  type RenderedSecretsResponse,
  type RenderMode,
  type SecretEntity,
} from '../src/api/contract.ts';
import { hashHex } from './random.ts';

// ---------------------------------------------------------------------------------------------
// Rules shared with the handlers
// ---------------------------------------------------------------------------------------------
export const SECRET_NAME_MAX_LENGTH = 256;
const SECRET_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why `name` is not a valid secret name, or null when it is. */
export function secretNameProblem(name: string): string | null {
  if (name.length > SECRET_NAME_MAX_LENGTH) return `name must be at most ${SECRET_NAME_MAX_LENGTH} characters`;
  if (!SECRET_NAME_PATTERN.test(name)) {
    return 'name must contain only letters, digits and "_", and must not start with a digit';
  }
  return null;
}

/** PreviewOnly mask: always the same length, whatever the value's length. */
export const PREVIEW_MASK = '••••••••';
/** A value shows its first PREVIEW_PREFIX_CHARS characters only when it has at least this many. */
export const PREVIEW_PREFIX_MIN_CHARS = 12;
export const PREVIEW_PREFIX_CHARS = 2;

/** The masked form of a value: `PREVIEW_MASK`, prefixed by 2 characters when the value is long. */
export function previewOf(value: string): string {
  let prefix = '';
  let count = 0;
  for (const char of value) {
    if (count < PREVIEW_PREFIX_CHARS) prefix += char;
    count++;
    if (count >= PREVIEW_PREFIX_MIN_CHARS) return prefix + PREVIEW_MASK;
  }
  return PREVIEW_MASK;
}

export function slugify(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

// ---------------------------------------------------------------------------------------------
// Snapshot (JSON) shape
// ---------------------------------------------------------------------------------------------
/** A provider as `GET /providers` lists it (the CLI sends the "Other" one's id when it creates a secret). */
export const providerSchema = z.object({ id: z.string().min(1), name: z.string(), slug: z.string() });
export type Provider = z.infer<typeof providerSchema>;

export const secretRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string(),
  purposeType: purposeTypeSchema,
  description: z.string().optional(),
  /** environment id → value text; an environment without a key has no value. */
  values: z.record(z.string(), z.string()),
});
export type SecretRecord = z.infer<typeof secretRecordSchema>;

export const appRecordSchema = z.object({
  ...appSchema.shape,
  secrets: z.array(secretRecordSchema).optional(),
  /** environment id → incrementalId (defaults to 1). */
  incrementalIds: z.record(z.string(), z.number().int()).optional(),
});
export type AppRecord = z.infer<typeof appRecordSchema>;

export const storeSnapshotSchema = z.object({
  version: z.literal(1),
  environments: z.array(environmentSchema),
  /** Optional: snapshots saved before providers existed load with none. */
  providers: z.array(providerSchema).optional(),
  apps: z.array(appRecordSchema),
  nextSecretNumber: z.number().int().nonnegative(),
});
export type StoreSnapshot = z.infer<typeof storeSnapshotSchema>;

/** Builds an app's secrets on first use; must be deterministic for a given app. */
export type SecretsFactory = (app: App, environments: readonly Environment[]) => SecretRecord[];

export interface StoreInit {
  environments: Environment[];
  /** Default: none. */
  providers?: Provider[];
  /** An app without `secrets` gets them from `secretsFactory` (or none) on first use. */
  apps: AppRecord[];
  secretsFactory?: SecretsFactory;
  nextSecretNumber?: number;
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------
export type AppLookup =
  | { status: 'found'; app: App }
  | { status: 'not-found' }
  | { status: 'ambiguous'; matches: number };

export type CreateSecretResult =
  | { status: 'created'; secret: SecretEntity }
  | { status: 'exists'; entityId: string }
  | { status: 'not-found'; what: 'app' };

export type SetValueResult =
  | { status: 'ok'; secret: SecretEntity }
  | { status: 'not-found'; what: 'app' | 'secret' | 'environment' };

export interface Revision {
  changelogId: string;
  secretDigest: string;
  incrementalId: number;
}

// ---------------------------------------------------------------------------------------------
// Internal state
// ---------------------------------------------------------------------------------------------
interface SecretState {
  id: string;
  name: string;
  slug: string;
  purposeType: PurposeType;
  description: string | undefined;
  values: Map<string, string>;
}

interface EnvRevision {
  incrementalId: number;
  /** Computed lazily, reset by every change. */
  digest: string | null;
}

interface AppState {
  app: App;
  /** null until materialized. */
  secrets: Map<string, SecretState> | null;
  byName: Map<string, SecretState>;
  /** Secrets sorted by name; null when stale. */
  sorted: SecretState[] | null;
  revisions: Map<string, EnvRevision>;
}

function compareNames(a: SecretState, b: SecretState): number {
  if (a.name < b.name) return -1;
  return a.name > b.name ? 1 : 0;
}

function toState(record: SecretRecord): SecretState {
  return {
    id: record.id,
    name: record.name,
    slug: record.slug,
    purposeType: record.purposeType,
    description: record.description,
    values: new Map(Object.entries(record.values)),
  };
}

function toRecord(secret: SecretState): SecretRecord {
  return {
    id: secret.id,
    name: secret.name,
    slug: secret.slug,
    purposeType: secret.purposeType,
    ...(secret.description === undefined ? {} : { description: secret.description }),
    values: Object.fromEntries(secret.values),
  };
}

export class FakeStore {
  #environments: Environment[] = [];
  #envById = new Map<string, Environment>();
  #providers: Provider[] = [];
  #apps = new Map<string, AppState>();
  #factory: SecretsFactory | undefined;
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
      apps: [...this.#apps.values()].map((state) => ({
        ...state.app,
        secrets: [...this.#materialize(state).values()].map(toRecord),
        incrementalIds: Object.fromEntries(
          this.#environments.map((env) => [env.id, state.revisions.get(env.id)?.incrementalId ?? 1]),
        ),
      })),
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
    this.#apps.set(app.id, this.#appState({ ...app, secrets: [] }));
    this.#changed();
    return { ...app };
  }

  // --- secrets -------------------------------------------------------------------------------
  countSecrets(appId: string): number {
    const state = this.#apps.get(appId);
    return state ? this.#materialize(state).size : 0;
  }

  /** Creates a secret with no value in any environment; every environment's revision changes. */
  createSecret(appId: string, input: { name: string; purposeType: PurposeType; description?: string }): CreateSecretResult {
    const state = this.#apps.get(appId);
    if (!state) return { status: 'not-found', what: 'app' };
    const secrets = this.#materialize(state);
    const existing = state.byName.get(input.name);
    if (existing) return { status: 'exists', entityId: existing.id };

    let id: string;
    do {
      id = `sec_new_${String(this.#nextSecretNumber++).padStart(6, '0')}`;
    } while (secrets.has(id));
    const secret: SecretState = {
      id,
      name: input.name,
      slug: slugify(input.name),
      purposeType: input.purposeType,
      description: input.description,
      values: new Map(),
    };
    secrets.set(id, secret);
    state.byName.set(secret.name, secret);
    state.sorted = null;
    for (const env of this.#environments) this.#bump(state, env.id);
    this.#changed();
    return { status: 'created', secret: this.#entity(secret) };
  }

  getSecret(appId: string, secretId: string): SecretEntity | undefined {
    const secret = this.#secret(appId, secretId);
    return secret && this.#entity(secret);
  }

  getSecretByName(appId: string, name: string): SecretEntity | undefined {
    const state = this.#apps.get(appId);
    if (!state) return undefined;
    this.#materialize(state);
    const secret = state.byName.get(name);
    return secret && this.#entity(secret);
  }

  /** Create-or-replace the value of one secret in one environment, exactly as given. */
  setValue(appId: string, secretId: string, envId: string, text: string): SetValueResult {
    const state = this.#apps.get(appId);
    if (!state) return { status: 'not-found', what: 'app' };
    const secret = this.#materialize(state).get(secretId);
    if (!secret) return { status: 'not-found', what: 'secret' };
    if (!this.#envById.has(envId)) return { status: 'not-found', what: 'environment' };
    secret.values.set(envId, text);
    this.#bump(state, envId);
    this.#changed();
    return { status: 'ok', secret: this.#entity(secret) };
  }

  // --- rendered ------------------------------------------------------------------------------
  /** The revision of an app in an environment; undefined when either does not exist. */
  revision(appId: string, envId: string): Revision | undefined {
    const state = this.#apps.get(appId);
    if (!state || !this.#envById.has(envId)) return undefined;
    const revision = this.#revisionOf(state, envId);
    if (revision.digest === null) {
      let content = `${appId}\u0000${envId}\u0000${revision.incrementalId}`;
      for (const secret of this.#sorted(state)) {
        const value = secret.values.get(envId);
        content += `\u0000${secret.id}\u0001${secret.name}\u0001${secret.purposeType}\u0001${value === undefined ? '\u0002' : `\u0003${value}`}`;
      }
      revision.digest = hashHex(content);
    }
    return {
      changelogId: `chg_${hashHex(`${appId}\u0000${envId}\u0000${revision.incrementalId}`).slice(0, 16)}`,
      secretDigest: revision.digest,
      incrementalId: revision.incrementalId,
    };
  }

  /**
   * The app's secrets in one environment, sorted by key. PreviewOnly masks every value with
   * `previewOf`. `names` (when non-empty) keeps only those names; unknown names are ignored.
   */
  rendered(appId: string, envId: string, mode: RenderMode, names?: readonly string[]): RenderedSecretsResponse | undefined {
    const revision = this.revision(appId, envId);
    const state = this.#apps.get(appId);
    if (!revision || !state) return undefined;
    const wanted = names && names.length > 0 ? new Set(names) : null;
    const secrets: RenderedSecret[] = [];
    for (const secret of this.#sorted(state)) {
      if (wanted && !wanted.has(secret.name)) continue;
      const value = secret.values.get(envId);
      secrets.push(
        value === undefined
          ? { key: secret.name, secretId: secret.id, valueType: VALUE_TYPE.none }
          : {
              key: secret.name,
              secretId: secret.id,
              valueType: VALUE_TYPE.string,
              serializedValue: mode === 'Full' ? value : previewOf(value),
            },
      );
    }
    return { ...revision, secrets };
  }

  // --- internals -----------------------------------------------------------------------------
  #replace(init: StoreInit): void {
    this.#environments = init.environments.map((env) => ({ ...env }));
    this.#envById = new Map(this.#environments.map((env) => [env.id, env]));
    this.#providers = (init.providers ?? []).map((provider) => ({ ...provider }));
    this.#factory = init.secretsFactory;
    this.#nextSecretNumber = init.nextSecretNumber ?? 1;
    this.#apps = new Map();
    for (const record of init.apps) {
      if (this.#apps.has(record.id)) throw new Error(`duplicate app id ${record.id}`);
      this.#apps.set(record.id, this.#appState(record));
    }
  }

  #appState(record: AppRecord): AppState {
    const state: AppState = {
      app: { id: record.id, name: record.name, slug: record.slug },
      secrets: null,
      byName: new Map(),
      sorted: null,
      revisions: new Map(
        Object.entries(record.incrementalIds ?? {}).map(([envId, incrementalId]) => [envId, { incrementalId, digest: null }]),
      ),
    };
    if (record.secrets) this.#fill(state, record.secrets);
    return state;
  }

  #fill(state: AppState, records: readonly SecretRecord[]): Map<string, SecretState> {
    const secrets = new Map<string, SecretState>();
    for (const record of records) {
      if (secrets.has(record.id) || state.byName.has(record.name)) {
        throw new Error(`duplicate secret ${record.id} / ${record.name} in app ${state.app.id}`);
      }
      const secret = toState(record);
      secrets.set(secret.id, secret);
      state.byName.set(secret.name, secret);
    }
    state.secrets = secrets;
    return secrets;
  }

  #materialize(state: AppState): Map<string, SecretState> {
    return state.secrets ?? this.#fill(state, this.#factory ? this.#factory(state.app, this.#environments) : []);
  }

  #sorted(state: AppState): SecretState[] {
    const secrets = this.#materialize(state);
    state.sorted ??= [...secrets.values()].sort(compareNames);
    return state.sorted;
  }

  #secret(appId: string, secretId: string): SecretState | undefined {
    const state = this.#apps.get(appId);
    return state && this.#materialize(state).get(secretId);
  }

  #revisionOf(state: AppState, envId: string): EnvRevision {
    let revision = state.revisions.get(envId);
    if (!revision) {
      revision = { incrementalId: 1, digest: null };
      state.revisions.set(envId, revision);
    }
    return revision;
  }

  #bump(state: AppState, envId: string): void {
    const revision = this.#revisionOf(state, envId);
    revision.incrementalId++;
    revision.digest = null;
  }

  #entity(secret: SecretState): SecretEntity {
    return {
      id: secret.id,
      name: secret.name,
      slug: secret.slug,
      purposeType: secret.purposeType,
      ...(secret.description === undefined ? {} : { description: secret.description }),
      environmentScopedValues: this.#environments.map((env) => ({ environment: { ...env }, value: null })),
    };
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
