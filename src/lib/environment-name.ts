import type { Environment } from '@/api/contract';

/** How an environment is named to people: its label, else its name, else its slug. */
export function environmentName(env: Environment): string {
  return env.label || env.name || env.slug;
}
