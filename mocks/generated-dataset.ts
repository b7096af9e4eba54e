/**
 * Big seeded datasets for benchmarks (e.g. 10,000 secrets × 12 envs × 300 apps). Only the first
 * app (and the gaps app, when asked for) gets `secrets` secrets; the others get 20–30 each, built
 * lazily on first use.
 */
import type { App, Environment, PurposeType } from '../src/api/contract.ts';
import type { Rng } from './random.ts';
import { ALNUM, ambiguousApps, canarySecrets, ENV_IDS, environments, fakeOpenSshKey, FIRST_APP_ID, GAPS_APP_ID, PROVIDERS, rngFor, type SeedOptions } from './seed.ts';
import { slugify } from './secret-rules.ts';
import type { AppRecord, SecretRecord, StoreInit } from './store-snapshot.ts';

const NAME_VENDORS = ['STRIPE', 'AWS', 'GCP', 'AZURE', 'GITHUB', 'SLACK', 'TWILIO', 'SENDGRID', 'DATADOG', 'SENTRY', 'OKTA', 'AUTH0', 'PAGERDUTY', 'MAILGUN', 'ALGOLIA', 'SEGMENT', 'MIXPANEL', 'HUBSPOT', 'ZENDESK', 'SHOPIFY', 'PLAID', 'ADYEN', 'KAFKA', 'REDIS', 'POSTGRES', 'MONGO', 'ELASTIC', 'RABBITMQ', 'VAULT', 'CLOUDFLARE'];
const NAME_SUBJECTS = ['PRIMARY', 'REPLICA', 'WEBHOOK', 'BILLING', 'ORDERS', 'USERS', 'SEARCH', 'REPORTS', 'EXPORT', 'IMPORT', 'LEGACY', 'INTERNAL', 'PUBLIC', 'PARTNER', 'BATCH', 'STREAM', 'CACHE', 'QUEUE', 'AUDIT', 'METRICS', 'ADMIN', 'MOBILE', 'WEB', 'EDGE', 'BACKUP'];
const NAME_KINDS: ReadonlyArray<readonly [string, PurposeType]> = [
  ['API_KEY', 'APIKey'],
  ['TOKEN', 'APIKey'],
  ['CLIENT_SECRET', 'APIKey'],
  ['SIGNING_KEY', 'APIKey'],
  ['SSH_KEY', 'SSHKey'],
  ['DEPLOY_KEY', 'SSHKey'],
  ['USERNAME', 'UsernamePassword'],
  ['PASSWORD', 'UsernamePassword'],
  ['URL', 'Other'],
  ['HOST', 'Other'],
  ['CONFIG', 'Other'],
  ['REGION', 'Other'],
];
const APP_WORDS = ['orders', 'billing', 'search', 'catalog', 'checkout', 'identity', 'notifications', 'reports', 'inventory', 'shipping', 'pricing', 'analytics', 'gateway', 'ledger', 'media', 'profile'];
const APP_KINDS = ['api', 'worker', 'service', 'web', 'cron', 'gateway'];

function generatedValue(rng: Rng, purposeType: PurposeType): string {
  switch (purposeType) {
    case 'SSHKey':
      return fakeOpenSshKey(rng);
    case 'UsernamePassword':
      return rng.string(rng.int(10, 32), `${ALNUM}!@#%`);
    case 'APIKey':
      return `${rng.pick(['sk', 'pk', 'tok', 'key'])}_${rng.string(rng.int(16, 64), ALNUM)}`;
    default:
      return rng.chance(0.05) ? `Valeur ${rng.string(6, ALNUM)} — 値 ✨` : `https://${rng.string(8, 'abcdefghijklmnopqrstuvwxyz')}.example.com/${rng.string(rng.int(4, 24), ALNUM)}`;
  }
}

/** A secret's values by environment id. */
type ValuesMaker = (rng: Rng, purposeType: PurposeType, envs: readonly Environment[]) => Record<string, string>;

/** Every app but the gaps app: each environment has its own value, 90 % of the time. */
const scatteredValues: ValuesMaker = (rng, purposeType, envs) => {
  const values: Record<string, string> = {};
  for (const env of envs) {
    if (rng.chance(0.9)) values[env.id] = generatedValue(rng, purposeType);
  }
  return values;
};

/**
 * The gaps app: production's value (missing 5 % of the time); every other environment lacks the
 * value 12 % of the time, holds production's own value 25 % of the time, else one of its own.
 */
const gapsValues: ValuesMaker = (rng, purposeType, envs) => {
  const production = envs.find((env) => env.id === ENV_IDS.production);
  const values: Record<string, string> = {};
  const productionValue = production && !rng.chance(0.05) ? generatedValue(rng, purposeType) : undefined;
  if (production && productionValue !== undefined) values[production.id] = productionValue;
  for (const env of envs) {
    if (env === production) continue;
    const roll = rng.next();
    if (roll < 0.12) continue;
    values[env.id] = roll < 0.37 && productionValue !== undefined ? productionValue : generatedValue(rng, purposeType);
  }
  return values;
};

function generatedSecrets(app: App, envs: readonly Environment[], count: number, seed: number, makeValues: ValuesMaker = scatteredValues): SecretRecord[] {
  const rng = rngFor(seed, app.id, 'secrets');
  const usedNames = new Set<string>();
  const short = app.id.replace(/^app_/, '');
  const secrets: SecretRecord[] = [];
  for (let i = 0; i < count; i++) {
    const [kind, purposeType] = rng.pick(NAME_KINDS);
    const base = `${rng.pick(NAME_VENDORS)}_${rng.pick(NAME_SUBJECTS)}_${kind}`;
    let name = base;
    for (let n = 2; usedNames.has(name); n++) name = `${base}_${n}`;
    usedNames.add(name);
    const values = makeValues(rng, purposeType, envs);
    secrets.push({ id: `sec_${short}_${String(i + 1).padStart(5, '0')}`, name, slug: slugify(name), purposeType, values });
  }
  return secrets;
}

/**
 * A big deterministic dataset: `apps` apps (first: FIRST_APP_ID "payments-api") × `envs`
 * environments; the first app holds exactly `secrets` secrets (CANARY_KEYS included when
 * `canary` is given), every other app 20–30; with `gapsApp`, GAPS_APP_ID last, with `secrets`
 * secrets whose values differ between environments (gapsValues). Secrets are built per app on first use.
 */
export function generateDataset(options: SeedOptions = {}): StoreInit {
  const { secrets = 10_000, envs: envCount = 12, apps: appCount = 300, seed = 1, canary } = options;
  if (!Number.isInteger(secrets) || secrets < 0) throw new Error('secrets must be a non-negative integer');
  if (!Number.isInteger(envCount) || envCount < 1) throw new Error('envs must be a positive integer');
  if (!Number.isInteger(appCount) || appCount < 1) throw new Error('apps must be a positive integer');

  const envs = environments(envCount);
  const apps: AppRecord[] = [{ id: FIRST_APP_ID, name: 'payments-api', slug: 'payments-api' }];
  const appRng = rngFor(seed, 'apps');
  for (let i = 2; i <= appCount; i++) {
    const name = `${appRng.pick(APP_WORDS)}-${appRng.pick(APP_KINDS)}-${i}`;
    apps.push({ id: `app_${String(i).padStart(4, '0')}`, name, slug: name });
  }
  if (options.ambiguousAppNames) apps.push(...ambiguousApps());
  if (options.gapsApp) apps.push({ id: GAPS_APP_ID, name: 'config-drift', slug: 'config-drift' });

  const factory = (app: App, appEnvs: readonly Environment[]): SecretRecord[] => {
    if (app.id === GAPS_APP_ID) return generatedSecrets(app, appEnvs, secrets, seed, gapsValues);
    if (app.id !== FIRST_APP_ID) return generatedSecrets(app, appEnvs, rngFor(seed, app.id, 'count').int(20, 30), seed);
    if (canary === undefined) return generatedSecrets(app, appEnvs, secrets, seed);
    const canaries = canarySecrets(app.id, canary, appEnvs).slice(0, secrets);
    return [...generatedSecrets(app, appEnvs, secrets - canaries.length, seed), ...canaries];
  };
  return { environments: envs, providers: PROVIDERS.map((p) => ({ ...p })), apps, secretsFactory: factory };
}
