/**
 * What a secret is to its users, beyond the text of its name and value (secret-name.ts): the
 * purposes it can have, and which environments are production (a write there asks first).
 */
import type { Environment, PurposeType } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';

/** How each purpose type is named and explained to the user (the create dialog, a secret's page). */
export const PURPOSES: Record<PurposeType, { title: string; description: string }> = {
  APIKey: { title: 'API key', description: 'A key or token another service gives you to call its API (Stripe, Datadog, …).' },
  SSHKey: { title: 'SSH key', description: 'A private key for SSH access, such as a deploy key; usually several lines.' },
  UsernamePassword: { title: 'Username or password', description: 'One half of a login; store the username and the password as two secrets.' },
  Other: { title: 'Other', description: 'Anything else: connection strings, signing keys, configuration.' },
};

/** Whether an environment is production (slug, name or label says so). */
export function isProductionEnvironment(env: { slug: string; name: string; label?: string }): boolean {
  return /prod/i.test(env.slug) || /prod/i.test(env.name) || /prod/i.test(env.label ?? '');
}

/** The production environments among `environments`, named as "A and B"; null when there is none. */
export function productionNames(environments: readonly Environment[]): string | null {
  const names = environments.filter(isProductionEnvironment).map(environmentName);
  return names.length > 0 ? names.join(' and ') : null;
}
