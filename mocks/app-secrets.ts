/**
 * One app's secrets inside the fake store: their values per environment (stored byte-for-byte,
 * never logged) and the app's revision (`incrementalId` + `secretDigest`) per environment.
 * Secrets are built from the dataset's factory the first time the app is used.
 */
import {
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
import { previewOf, slugify } from './secret-rules.ts';
import type { AppRecord, SecretRecord, SecretsFactory } from './store-snapshot.ts';

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

/** What every app of one store shares: the environments, the dataset's factory, fresh secret ids. */
export interface AppSecretsContext {
  environments: readonly Environment[];
  envById: ReadonlyMap<string, Environment>;
  factory: SecretsFactory | undefined;
  /** The next `sec_new_…` id of the store-wide counter (may be taken already: the caller checks). */
  nextSecretId: () => string;
}

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

export class AppSecrets {
  readonly app: App;
  #context: AppSecretsContext;
  /** null until materialized. */
  #secrets: Map<string, SecretState> | null = null;
  #byName = new Map<string, SecretState>();
  /** Secrets sorted by name; null when stale. */
  #sorted: SecretState[] | null = null;
  #revisions: Map<string, EnvRevision>;

  constructor(record: AppRecord, context: AppSecretsContext) {
    this.app = { id: record.id, name: record.name, slug: record.slug };
    this.#context = context;
    this.#revisions = new Map(
      Object.entries(record.incrementalIds ?? {}).map(([envId, incrementalId]) => [envId, { incrementalId, digest: null }]),
    );
    if (record.secrets) this.#fill(record.secrets);
  }

  /** Every secret materialized: the record no longer needs the factory. */
  toRecord(): AppRecord {
    return {
      ...this.app,
      secrets: [...this.#materialize().values()].map(toRecord),
      incrementalIds: Object.fromEntries(
        this.#context.environments.map((env) => [env.id, this.#revisions.get(env.id)?.incrementalId ?? 1]),
      ),
    };
  }

  count(): number {
    return this.#materialize().size;
  }

  /** Creates a secret with no value in any environment; every environment's revision changes. */
  create(input: { name: string; purposeType: PurposeType; description?: string }): CreateSecretResult {
    const secrets = this.#materialize();
    const existing = this.#byName.get(input.name);
    if (existing) return { status: 'exists', entityId: existing.id };

    let id: string;
    do {
      id = this.#context.nextSecretId();
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
    this.#byName.set(secret.name, secret);
    this.#sorted = null;
    for (const env of this.#context.environments) this.#bump(env.id);
    return { status: 'created', secret: this.#entity(secret) };
  }

  get(secretId: string): SecretEntity | undefined {
    const secret = this.#materialize().get(secretId);
    return secret && this.#entity(secret);
  }

  getByName(name: string): SecretEntity | undefined {
    this.#materialize();
    const secret = this.#byName.get(name);
    return secret && this.#entity(secret);
  }

  /** Create-or-replace the value of one secret in one environment, exactly as given. */
  setValue(secretId: string, envId: string, text: string): SetValueResult {
    const secret = this.#materialize().get(secretId);
    if (!secret) return { status: 'not-found', what: 'secret' };
    if (!this.#context.envById.has(envId)) return { status: 'not-found', what: 'environment' };
    secret.values.set(envId, text);
    this.#bump(envId);
    return { status: 'ok', secret: this.#entity(secret) };
  }

  /** The app's revision in an environment; undefined when the environment does not exist. */
  revision(envId: string): Revision | undefined {
    if (!this.#context.envById.has(envId)) return undefined;
    const appId = this.app.id;
    const revision = this.#revisionOf(envId);
    if (revision.digest === null) {
      let content = `${appId}\u0000${envId}\u0000${revision.incrementalId}`;
      for (const secret of this.#sortedSecrets()) {
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
   * The secrets in one environment, sorted by key. PreviewOnly masks every value with
   * `previewOf`. `names` (when non-empty) keeps only those names; unknown names are ignored.
   */
  rendered(envId: string, mode: RenderMode, names?: readonly string[]): RenderedSecretsResponse | undefined {
    const revision = this.revision(envId);
    if (!revision) return undefined;
    const wanted = names && names.length > 0 ? new Set(names) : null;
    const secrets: RenderedSecret[] = [];
    for (const secret of this.#sortedSecrets()) {
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

  #fill(records: readonly SecretRecord[]): Map<string, SecretState> {
    const secrets = new Map<string, SecretState>();
    for (const record of records) {
      if (secrets.has(record.id) || this.#byName.has(record.name)) {
        throw new Error(`duplicate secret ${record.id} / ${record.name} in app ${this.app.id}`);
      }
      const secret = toState(record);
      secrets.set(secret.id, secret);
      this.#byName.set(secret.name, secret);
    }
    this.#secrets = secrets;
    return secrets;
  }

  #materialize(): Map<string, SecretState> {
    const { factory, environments } = this.#context;
    return this.#secrets ?? this.#fill(factory ? factory(this.app, environments) : []);
  }

  #sortedSecrets(): SecretState[] {
    const secrets = this.#materialize();
    this.#sorted ??= [...secrets.values()].sort(compareNames);
    return this.#sorted;
  }

  #revisionOf(envId: string): EnvRevision {
    let revision = this.#revisions.get(envId);
    if (!revision) {
      revision = { incrementalId: 1, digest: null };
      this.#revisions.set(envId, revision);
    }
    return revision;
  }

  #bump(envId: string): void {
    const revision = this.#revisionOf(envId);
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
      environmentScopedValues: this.#context.environments.map((env) => ({ environment: { ...env }, value: null })),
    };
  }
}
