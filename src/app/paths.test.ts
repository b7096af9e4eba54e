import { envPath, safeNext, secretPath } from './paths';

describe('safeNext', () => {
  it('accepts only in-app paths', () => {
    expect(safeNext('/apps/x/dev?q=a')).toBe('/apps/x/dev?q=a');
    expect(safeNext('//evil.example')).toBe('/apps');
    expect(safeNext('https://evil.example')).toBe('/apps');
    expect(safeNext('/sign-in')).toBe('/apps');
    expect(safeNext(null)).toBe('/apps');
  });
});

describe('page paths', () => {
  it('encode each part as one path segment', () => {
    expect(envPath('a/b', 'dev')).toBe('/apps/a%2Fb/dev');
    expect(secretPath('app_1', 's?1')).toBe('/apps/app_1/secrets/s%3F1');
  });
});
