// @vitest-environment node
import type { Environment } from '@/api/contract';
import { isProductionEnvironment, productionNames } from './production';

const env = (slug: string, name: string, label = ''): Environment => ({ id: `env_${slug}`, slug, name, label });

describe('isProductionEnvironment', () => {
  it('matches prod in the slug, name or label', () => {
    expect(isProductionEnvironment({ slug: 'production', name: 'production' })).toBe(true);
    expect(isProductionEnvironment({ slug: 'eu-1', name: 'Prod EU' })).toBe(true);
    expect(isProductionEnvironment({ slug: 'eu-2', name: 'eu-2', label: 'PROD (EU)' })).toBe(true);
    expect(isProductionEnvironment({ slug: 'staging', name: 'staging', label: 'Staging' })).toBe(false);
  });
});

describe('productionNames', () => {
  it('names the production environments among the given ones, as people see them', () => {
    expect(productionNames([env('development', 'development', 'Development'), env('production', 'production', 'Production')])).toBe('Production');
    expect(productionNames([env('prod-eu', 'prod-eu', 'Prod EU'), env('qa', 'qa'), env('prod-us', 'prod-us')])).toBe('Prod EU and prod-us');
  });

  it('is null when none of them is production', () => {
    expect(productionNames([env('qa', 'qa', 'QA')])).toBeNull();
    expect(productionNames([])).toBeNull();
  });
});
