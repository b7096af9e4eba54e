/**
 * What every dataset of the fake shares: stable ids, the providers, the environments, the canary
 * secrets, the apps with an ambiguous name, and deterministic value makers. The datasets
 * themselves are demo-dataset.ts (the demo) and generated-dataset.ts (big seeded ones for
 * benchmarks); datasets.ts picks one from `SeedOptions`. With `canary`, CANARY_TOKEN_1..3 hold a
 * distinctive value in every environment of the first app, so leak audits can search logs,
 * storage and the DOM for it.
 */
import type { Environment } from '../src/api/contract.ts';
import { createRng, hash53, type Rng } from './random.ts';
import { slugify } from './secret-rules.ts';
import type { AppRecord, Provider, SecretRecord } from './store-snapshot.ts';

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

/** With `gapsApp` (generated datasets): an extra app whose values are missing in some environments. */
export const GAPS_APP_ID = 'app_gaps';

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
  /**
   * Adds GAPS_APP_ID (switches to the generator), with as many secrets as the first app: some
   * values missing in some environments, some non-production values equal to production's.
   */
  gapsApp?: boolean;
}

/** The four environments of the demo, first in every dataset. */
export const BASE_ENVIRONMENTS: readonly Environment[] = [
  { id: ENV_IDS.development, slug: 'development', name: 'development', label: 'Development' },
  { id: ENV_IDS.qa, slug: 'qa', name: 'qa', label: 'QA' },
  { id: ENV_IDS.staging, slug: 'staging', name: 'staging', label: 'Staging' },
  { id: ENV_IDS.production, slug: 'production', name: 'production', label: 'Production' },
];

const EXTRA_ENV_NAMES = ['sandbox', 'perf', 'uat', 'demo', 'canary', 'hotfix', 'preprod', 'dr', 'eu-west', 'us-east', 'ap-south', 'training'];

/** The first `count` environments: the four base ones, then named extras, then `env-N`. */
export function environments(count: number): Environment[] {
  const list = BASE_ENVIRONMENTS.slice(0, count).map((env) => ({ ...env }));
  for (let i = list.length; i < count; i++) {
    const extra = EXTRA_ENV_NAMES[i - BASE_ENVIRONMENTS.length];
    const slug = extra ?? `env-${i + 1}`;
    const label = slug.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(' ');
    list.push({ id: `env_${slug.replace(/-/g, '_')}`, slug, name: slug, label });
  }
  return list;
}

/** With `ambiguousAppNames`: two apps named AMBIGUOUS_APP_NAME, no secrets. */
export function ambiguousApps(): AppRecord[] {
  return [
    { id: 'app_shared_a', name: AMBIGUOUS_APP_NAME, slug: 'shared-service-a', secrets: [] },
    { id: 'app_shared_b', name: AMBIGUOUS_APP_NAME, slug: 'shared-service-b', secrets: [] },
  ];
}

/** CANARY_KEYS, each holding `canary` in every environment. */
export function canarySecrets(appId: string, canary: string, envs: readonly Environment[]): SecretRecord[] {
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
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HEX = '0123456789abcdef';
export const BASE64 = `${ALNUM}+/`;

/** A PRNG seeded by the parts (e.g. app id, secret name, environment): same parts, same values. */
export function rngFor(...parts: Array<string | number>): Rng {
  return createRng(hash53(parts.join('\u0000')));
}

/** A fake but realistic-looking OpenSSH private key (random base64 body, 70-column lines). */
export function fakeOpenSshKey(rng: Rng): string {
  // The standard "openssh-key-v1, no cipher" header, then random bytes: not a usable key.
  let body = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW';
  body += rng.string(330, BASE64);
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 70) lines.push(body.slice(i, i + 70));
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}==\n-----END OPENSSH PRIVATE KEY-----\n`;
}
