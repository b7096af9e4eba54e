/**
 * Deterministic data for the fake API.
 *
 * - `demoInit()`: the demo — 3 apps × 4 environments, 28+ secrets per app covering every purpose
 *   type, a multi-line OpenSSH key, padded, empty, multi-line, HTML and unicode values, secrets
 *   with no value in some environments, unicode descriptions.
 * - `generateDataset()`: big seeded datasets for benchmarks (e.g. 10,000 secrets × 12 envs × 300
 *   apps). Only the first app gets `secrets` secrets; the others get 20–30 each, built lazily.
 * - `seedInit()`: picks one of the two from `SeedOptions` (what the entries and `/__fake/reset` use).
 * - Both list the same PROVIDERS (stable ids), "Other" among them (the CLI looks it up by name).
 * - `canary`: a distinctive value set for CANARY_TOKEN_1..3 in every environment of the first
 *   app, so leak audits can search logs, storage and the DOM for it.
 */
import { type App, type Environment, type PurposeType } from '../src/api/contract.ts';
import { createRng, hash53, type Rng } from './random.ts';
import { FakeStore, slugify, type AppRecord, type Provider, type SecretRecord, type StoreInit } from './store.ts';

// ---------------------------------------------------------------------------------------------
// Stable ids
// ---------------------------------------------------------------------------------------------
/** The first app, in the demo and in every generated dataset. */
export const FIRST_APP_ID = 'app_payments';
export const DEMO_APP_ID = FIRST_APP_ID;
export const DEMO_APP_IDS = { payments: 'app_payments', web: 'app_web', data: 'app_data' } as const;

export const ENV_IDS = { development: 'env_dev', qa: 'env_qa', staging: 'env_staging', production: 'env_prod' } as const;

/** The provider the service's CLI looks up by name and sends as `providerId` when it creates a secret. */
export const OTHER_PROVIDER: Provider = { id: 'prv_other', name: 'Other', slug: 'other' };

/** `GET /providers` in every dataset (stable ids). */
export const PROVIDERS: readonly Provider[] = [
  { id: 'prv_aws', name: 'AWS', slug: 'aws' },
  { id: 'prv_github', name: 'GitHub', slug: 'github' },
  OTHER_PROVIDER,
  { id: 'prv_stripe', name: 'Stripe', slug: 'stripe' },
];

/** Secret names that carry the canary value (when `canary` is given). */
export const CANARY_KEYS = ['CANARY_TOKEN_1', 'CANARY_TOKEN_2', 'CANARY_TOKEN_3'] as const;

/** With `ambiguousAppNames`: two apps share this name (for the 400 DataEntityNonSingular case). */
export const AMBIGUOUS_APP_NAME = 'shared-service';

export interface SeedOptions {
  /** Secrets in the first app (switches to the generator). */
  secrets?: number;
  /** Number of environments (switches to the generator). */
  envs?: number;
  /** Number of apps (switches to the generator). */
  apps?: number;
  /** PRNG seed (switches to the generator); default 1. */
  seed?: number;
  /** A distinctive value set for CANARY_KEYS in every environment of the first app. */
  canary?: string;
  /** Adds two apps named AMBIGUOUS_APP_NAME. */
  ambiguousAppNames?: boolean;
}

const BASE_ENVIRONMENTS: readonly Environment[] = [
  { id: ENV_IDS.development, slug: 'development', name: 'development', label: 'Development' },
  { id: ENV_IDS.qa, slug: 'qa', name: 'qa', label: 'QA' },
  { id: ENV_IDS.staging, slug: 'staging', name: 'staging', label: 'Staging' },
  { id: ENV_IDS.production, slug: 'production', name: 'production', label: 'Production' },
];

const EXTRA_ENV_NAMES = ['sandbox', 'perf', 'uat', 'demo', 'canary', 'hotfix', 'preprod', 'dr', 'eu-west', 'us-east', 'ap-south', 'training'];

function environments(count: number): Environment[] {
  const list = BASE_ENVIRONMENTS.slice(0, count).map((env) => ({ ...env }));
  for (let i = list.length; i < count; i++) {
    const extra = EXTRA_ENV_NAMES[i - BASE_ENVIRONMENTS.length];
    const slug = extra ?? `env-${i + 1}`;
    const label = slug.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' ');
    list.push({ id: `env_${slug.replace(/-/g, '_')}`, slug, name: slug, label });
  }
  return list;
}

function ambiguousApps(): AppRecord[] {
  return [
    { id: 'app_shared_a', name: AMBIGUOUS_APP_NAME, slug: 'shared-service-a', secrets: [] },
    { id: 'app_shared_b', name: AMBIGUOUS_APP_NAME, slug: 'shared-service-b', secrets: [] },
  ];
}

function canarySecrets(appId: string, canary: string, envs: readonly Environment[]): SecretRecord[] {
  return CANARY_KEYS.map((name, i) => ({
    id: `sec_${appId.replace(/^app_/, '')}_canary_${i + 1}`,
    name,
    slug: slugify(name),
    purposeType: 'APIKey',
    description: 'Leak-audit canary: this value must never appear outside a revealed cell',
    values: Object.fromEntries(envs.map((env) => [env.id, canary])),
  }));
}

// ---------------------------------------------------------------------------------------------
// Value makers (deterministic per app, secret and environment)
// ---------------------------------------------------------------------------------------------
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const BASE64 = `${ALNUM}+/`;

function rngFor(...parts: Array<string | number>): Rng {
  return createRng(hash53(parts.join('\u0000')));
}

/** A fake but realistic-looking OpenSSH private key (random base64 body, 70-column lines). */
function fakeOpenSshKey(rng: Rng): string {
  // The standard "openssh-key-v1, no cipher" header, then random bytes: not a usable key.
  let body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
  body += rng.string(330, BASE64);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 70) lines.push(body.slice(i, i + 70));
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}==\n-----END OPENSSH PRIVATE KEY-----\n`;
}

type EnvKey = keyof typeof ENV_IDS;
type ValueMaker = (ctx: { app: DemoApp; env: EnvKey; rng: Rng }) => string | undefined;

interface DemoSecret {
  name: string;
  purposeType: PurposeType;
  description?: string;
  value: ValueMaker;
}

interface DemoApp {
  id: string;
  name: string;
  short: string;
  /** Database name, host prefix, … */
  db: string;
  extra: DemoSecret[];
}

const isProd = (env: EnvKey) => env === 'production';
const host = (app: DemoApp, env: EnvKey) => `${app.db}.${env === 'production' ? 'prod' : env}.internal.example.com`;

const COMMON_SECRETS: DemoSecret[] = [
  {
    name: 'DATABASE_URL',
    purposeType: 'Other',
    description: 'データベース接続文字列 (primary, read-write)',
    value: ({ app, env, rng }) => `postgres://${app.db}:${rng.string(20, ALNUM)}@${host(app, env)}:5432/${app.db}?sslmode=require`,
  },
  {
    name: 'DATABASE_USERNAME',
    purposeType: 'UsernamePassword',
    value: ({ app, env }) => `${app.db}_${env === 'production' ? 'prod' : env}`,
  },
  {
    name: 'DATABASE_PASSWORD',
    purposeType: 'UsernamePassword',
    description: 'Mot de passe de la base — rotation trimestrielle',
    value: ({ rng }) => rng.string(24, `${ALNUM}!#%&*-_`),
  },
  {
    name: 'REDIS_URL',
    purposeType: 'Other',
    value: ({ app, env, rng }) => `rediss://default:${rng.string(32, HEX)}@cache.${host(app, env)}:6380/0`,
  },
  {
    name: 'DEPLOY_SSH_KEY',
    purposeType: 'SSHKey',
    description: 'Deploy key (read-only) — ключ развёртывания',
    value: ({ env, rng }) => (env === 'development' ? undefined : fakeOpenSshKey(rng)),
  },
  {
    name: 'JWT_SIGNING_KEY',
    purposeType: 'APIKey',
    value: ({ rng }) => rng.string(64, HEX),
  },
  {
    name: 'SENTRY_DSN',
    purposeType: 'Other',
    value: ({ env, rng }) => (env === 'development' ? undefined : `https://${rng.string(32, HEX)}@o${rng.int(100000, 999999)}.ingest.sentry.io/${rng.int(1000000, 9999999)}`),
  },
  {
    name: 'DATADOG_API_KEY',
    purposeType: 'APIKey',
    value: ({ env, rng }) => (env === 'staging' || env === 'production' ? rng.string(32, HEX) : undefined),
  },
  {
    name: 'AWS_ACCESS_KEY_ID',
    purposeType: 'APIKey',
    value: ({ rng }) => `AKIA${rng.string(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  },
  {
    name: 'AWS_SECRET_ACCESS_KEY',
    purposeType: 'APIKey',
    description: 'Clé secrète AWS 🔐',
    value: ({ rng }) => rng.string(40, `${ALNUM}/+`),
  },
  {
    name: 'SMTP_USERNAME',
    purposeType: 'UsernamePassword',
    value: ({ app }) => `${app.short}@mail.example.com`,
  },
  {
    name: 'SMTP_PASSWORD',
    purposeType: 'UsernamePassword',
    value: ({ env, rng }) => (env === 'qa' ? undefined : rng.string(20, ALNUM)),
  },
  {
    name: 'OAUTH_CLIENT_ID',
    purposeType: 'Other',
    value: ({ app, env }) => `${app.short}-${env}.apps.example.com`,
  },
  {
    name: 'OAUTH_CLIENT_SECRET',
    purposeType: 'APIKey',
    value: ({ rng }) => `ocs_${rng.string(40, ALNUM)}`,
  },
  {
    name: 'ENCRYPTION_KEY',
    purposeType: 'Other',
    description: 'AES-256 key, base64 — Schlüssel für Verschlüsselung',
    value: ({ rng }) => `${rng.string(43, BASE64)}=`,
  },
  {
    name: 'PADDED_VALUE',
    purposeType: 'Other',
    description: 'Leading and trailing spaces are part of the value',
    value: () => '  value with surrounding spaces  ',
  },
  {
    name: 'GREETING_MESSAGE',
    purposeType: 'Other',
    description: 'Message d’accueil — 多言語 🌍',
    value: ({ env }) => (isProd(env) ? 'Bienvenue ! Paiement reçu ✅ 支付成功 🎉' : `Héllo ${env} — こんにちは 👋`),
  },
  {
    name: 'FEATURE_FLAGS_JSON',
    purposeType: 'Other',
    value: ({ env }) => JSON.stringify({ newCheckout: !isProd(env), locales: ['fr', 'ja', 'zh'], percent: isProd(env) ? 5 : 100 }),
  },
  {
    name: 'MULTILINE_CONFIG',
    purposeType: 'Other',
    description: 'Several lines, with a tab',
    value: ({ env }) => `[server]\nenv = "${env}"\n\tworkers = 4\n`,
  },
  {
    name: 'BANNER_HTML',
    purposeType: 'Other',
    description: 'HTML is shown as text, never rendered',
    value: () => '<script>alert("xss")</script><b>bold</b> & "quotes"',
  },
  {
    name: 'EMPTY_VALUE',
    purposeType: 'Other',
    description: 'Set to the empty string in development only',
    value: ({ env }) => (env === 'development' ? '' : undefined),
  },
  {
    name: 'LEGACY_API_TOKEN',
    purposeType: 'APIKey',
    description: 'Created but never set: no value anywhere',
    value: () => undefined,
  },
  {
    name: 'PRODUCTION_ONLY_KEY',
    purposeType: 'APIKey',
    value: ({ env, rng }) => (isProd(env) ? `prod_${rng.string(28, ALNUM)}` : undefined),
  },
  {
    name: 'SHORT_PIN',
    purposeType: 'Other',
    description: 'Shorter than the preview threshold: fully masked',
    value: ({ rng }) => String(rng.int(1000, 9999)),
  },
  {
    name: 'ADMIN_USERNAME',
    purposeType: 'UsernamePassword',
    value: ({ env }) => (isProd(env) ? 'admin' : `admin-${env}`),
  },
  {
    name: 'ADMIN_PASSWORD',
    purposeType: 'UsernamePassword',
    description: 'Contraseña del administrador — ñandú 🦤',
    value: ({ env, rng }) => (env === 'development' ? 'pässwörd-dev-ünïcödé' : rng.string(18, `${ALNUM}@$%`)),
  },
];

const DEMO_APPS: DemoApp[] = [
  {
    id: DEMO_APP_IDS.payments,
    name: 'payments-api',
    short: 'payments',
    db: 'payments',
    extra: [
      {
        name: 'STRIPE_API_KEY',
        purposeType: 'APIKey',
        description: 'Clé API Stripe — paiements 💳',
        value: ({ env, rng }) => `${isProd(env) ? 'sk_live' : 'sk_test'}_51${rng.string(96, ALNUM)}`,
      },
      {
        name: 'STRIPE_WEBHOOK_SECRET',
        purposeType: 'APIKey',
        value: ({ env, rng }) => (env === 'qa' ? undefined : `whsec_${rng.string(32, ALNUM)}`),
      },
      {
        name: 'PAYPAL_CLIENT_SECRET',
        purposeType: 'APIKey',
        value: ({ env, rng }) => (env === 'development' ? undefined : rng.string(80, `${ALNUM}-_`)),
      },
    ],
  },
  {
    id: DEMO_APP_IDS.web,
    name: 'web-frontend',
    short: 'web',
    db: 'web',
    extra: [
      {
        name: 'NEXTAUTH_SECRET',
        purposeType: 'APIKey',
        value: ({ rng }) => rng.string(44, BASE64),
      },
      {
        name: 'GOOGLE_MAPS_API_KEY',
        purposeType: 'APIKey',
        description: 'Google Maps — 地図 API',
        value: ({ rng }) => `AIza${rng.string(35, `${ALNUM}-_`)}`,
      },
      {
        name: 'CDN_DEPLOY_KEY',
        purposeType: 'SSHKey',
        value: ({ env, rng }) => (env === 'staging' || env === 'production' ? fakeOpenSshKey(rng) : undefined),
      },
    ],
  },
  {
    id: DEMO_APP_IDS.data,
    name: 'data-pipeline',
    short: 'data',
    db: 'warehouse',
    extra: [
      {
        name: 'SNOWFLAKE_PASSWORD',
        purposeType: 'UsernamePassword',
        value: ({ rng }) => rng.string(30, `${ALNUM}#!`),
      },
      {
        name: 'KAFKA_SASL_USERNAME',
        purposeType: 'UsernamePassword',
        value: ({ env }) => `pipeline-${env}`,
      },
      {
        name: 'GCP_SERVICE_ACCOUNT_JSON',
        purposeType: 'Other',
        description: 'Compte de service — JSON sur plusieurs lignes',
        value: ({ env, rng }) =>
          JSON.stringify(
            { type: 'service_account', project_id: `pipeline-${env}`, private_key_id: rng.string(40, HEX), client_email: `etl@pipeline-${env}.iam.example.com` },
            null,
            2,
          ),
      },
    ],
  },
];

const ENV_KEYS = Object.keys(ENV_IDS) as EnvKey[];

function demoSecrets(app: DemoApp): SecretRecord[] {
  return [...COMMON_SECRETS, ...app.extra].map((spec, index) => {
    const values: Record<string, string> = {};
    for (const env of ENV_KEYS) {
      const value = spec.value({ app, env, rng: rngFor(app.id, spec.name, env) });
      if (value !== undefined) values[ENV_IDS[env]] = value;
    }
    return {
      id: `sec_${app.short}_${String(index + 1).padStart(3, '0')}`,
      name: spec.name,
      slug: slugify(spec.name),
      purposeType: spec.purposeType,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      values,
    };
  });
}

/** The demo dataset (deterministic). */
export function demoInit(options: Pick<SeedOptions, 'canary' | 'ambiguousAppNames'> = {}): StoreInit {
  const envs = environments(BASE_ENVIRONMENTS.length);
  const apps: AppRecord[] = DEMO_APPS.map((app) => ({
    id: app.id,
    name: app.name,
    slug: app.name,
    secrets: [
      ...demoSecrets(app),
      ...(options.canary !== undefined && app.id === FIRST_APP_ID ? canarySecrets(app.id, options.canary, envs) : []),
    ],
  }));
  if (options.ambiguousAppNames) apps.push(...ambiguousApps());
  return { environments: envs, providers: PROVIDERS.map((p) => ({ ...p })), apps };
}

// ---------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------
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

function generatedSecrets(app: App, envs: readonly Environment[], count: number, seed: number): SecretRecord[] {
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
    const values: Record<string, string> = {};
    for (const env of envs) {
      if (rng.chance(0.9)) values[env.id] = generatedValue(rng, purposeType);
    }
    secrets.push({ id: `sec_${short}_${String(i + 1).padStart(5, '0')}`, name, slug: slugify(name), purposeType, values });
  }
  return secrets;
}

/**
 * A big deterministic dataset: `apps` apps (first: FIRST_APP_ID "payments-api") × `envs`
 * environments; the first app holds exactly `secrets` secrets (CANARY_KEYS included when
 * `canary` is given), every other app 20–30. Secrets are built per app on first use.
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

  const factory = (app: App, appEnvs: readonly Environment[]): SecretRecord[] => {
    if (app.id !== FIRST_APP_ID) return generatedSecrets(app, appEnvs, rngFor(seed, app.id, 'count').int(20, 30), seed);
    if (canary === undefined) return generatedSecrets(app, appEnvs, secrets, seed);
    const canaries = canarySecrets(app.id, canary, appEnvs).slice(0, secrets);
    return [...generatedSecrets(app, appEnvs, secrets - canaries.length, seed), ...canaries];
  };
  return { environments: envs, providers: PROVIDERS.map((p) => ({ ...p })), apps, secretsFactory: factory };
}

/** True when the options ask for a generated dataset rather than the demo. */
export function wantsGenerator(options: SeedOptions): boolean {
  return options.secrets !== undefined || options.envs !== undefined || options.apps !== undefined || options.seed !== undefined;
}

/** The demo, or a generated dataset when any of secrets/envs/apps/seed is given. */
export function seedInit(options: SeedOptions = {}): StoreInit {
  return wantsGenerator(options) ? generateDataset(options) : demoInit(options);
}

export function createSeededStore(options: SeedOptions = {}): FakeStore {
  return new FakeStore(seedInit(options));
}
