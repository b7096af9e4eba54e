/** Which environments are production: a write there asks first, and the overview compares values with it. */
import type { Environment } from '@/api/contract';
import { environmentName } from './environment-name';

/** Whether an environment is production (slug, name or label says so). */
export function isProductionEnvironment(env: { slug: string; name: string; label?: string }): boolean {
  return /prod/i.test(env.slug) || /prod/i.test(env.name) || /prod/i.test(env.label ?? '');
}

/** The production environments among `environments`, named as "A and B"; null when there is none. */
export function productionNames(environments: readonly Environment[]): string | null {
  const names = environments.filter(isProductionEnvironment).map(environmentName);
  return names.length > 0 ? names.join(' and ') : null;
}
