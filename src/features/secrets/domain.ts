/**
 * What a secret is to its users, beyond the text of its name and value (secret-name.ts): the
 * purposes it can have (which environments are production: src/lib/production.ts).
 */
import type { PurposeType } from '@/api/contract';

/** How each purpose type is named and explained to the user (the create dialog, a secret's page). */
export const PURPOSES: Record<PurposeType, { title: string; description: string }> = {
  APIKey: { title: 'API key', description: 'A key or token another service gives you to call its API (Stripe, Datadog, …).' },
  SSHKey: { title: 'SSH key', description: 'A private key for SSH access, such as a deploy key; usually several lines.' },
  UsernamePassword: { title: 'Username or password', description: 'One half of a login; store the username and the password as two secrets.' },
  Other: { title: 'Other', description: 'Anything else: connection strings, signing keys, configuration.' },
};
