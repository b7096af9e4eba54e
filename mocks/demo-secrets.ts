/**
 * The secrets every demo app has, with a value maker per environment: every purpose type, a
 * multi-line OpenSSH key, padded, empty, multi-line, HTML and unicode values, secrets with no value
 * in some environments, unicode descriptions.
 */
import type { PurposeType } from '../src/api/contract.ts';
import type { Rng } from './random.ts';
import { ALNUM, BASE64, fakeOpenSshKey, HEX, type ENV_IDS } from './seed.ts';

export type EnvKey = keyof typeof ENV_IDS;
/** A secret's value in one environment of one app; undefined: no value there. */
type ValueMaker = (ctx: { app: DemoApp; env: EnvKey; rng: Rng }) => string | undefined;

export interface DemoSecret {
  name: string;
  purposeType: PurposeType;
  description?: string;
  value: ValueMaker;
}

export interface DemoApp {
  id: string;
  name: string;
  short: string;
  /** Database name, host prefix, … */
  db: string;
  extra: DemoSecret[];
}

export const isProd = (env: EnvKey) => env === 'production';
const host = (app: DemoApp, env: EnvKey) => `${app.db}.${env === 'production' ? 'prod' : env}.internal.example.com`;

export const COMMON_SECRETS: DemoSecret[] = [
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
