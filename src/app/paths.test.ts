import { safeNext, secretsPageParams } from './paths';

describe('secretsPageParams', () => {
  it('recognises a secrets page and decodes its parts', () => {
    expect(secretsPageParams('/apps/app_payments/production')).toEqual({ appId: 'app_payments', envSlug: 'production' });
    expect(secretsPageParams('/apps/a%2Fb/dev/')).toEqual({ appId: 'a/b', envSlug: 'dev' });
  });

  it('ignores other pages', () => {
    expect(secretsPageParams('/apps')).toBeNull();
    expect(secretsPageParams('/apps/app_payments')).toBeNull();
    expect(secretsPageParams('/apps/app_payments/secrets/sec_1')).toBeNull();
    expect(secretsPageParams('/apps/app_payments/secrets')).toBeNull();
    expect(secretsPageParams('/apps/%E0%A4%A/dev')).toBeNull();
  });
});

describe('safeNext', () => {
  it('accepts only in-app paths', () => {
    expect(safeNext('/apps/x/dev?q=a')).toBe('/apps/x/dev?q=a');
    expect(safeNext('//evil.example')).toBe('/apps');
    expect(safeNext('https://evil.example')).toBe('/apps');
    expect(safeNext('/sign-in')).toBe('/apps');
    expect(safeNext(null)).toBe('/apps');
  });
});
