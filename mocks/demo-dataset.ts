/**
 * The demo dataset: 3 apps × 4 environments, each app with the common demo secrets
 * (demo-secrets.ts) and a few of its own, 28+ secrets per app. Deterministic.
 */
import { COMMON_SECRETS, isProd, type DemoApp, type EnvKey } from './demo-secrets.ts';
import { ALNUM, ambiguousApps, BASE64, BASE_ENVIRONMENTS, canarySecrets, DEMO_APP_IDS, ENV_IDS, environments, fakeOpenSshKey, FIRST_APP_ID, HEX, PROVIDERS, rngFor, type SeedOptions } from './seed.ts';
import { slugify } from './secret-rules.ts';
import type { AppRecord, SecretRecord, StoreInit } from './store-snapshot.ts';

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
