import { envPath, safeNext, secretPath, withSearch } from './paths';

describe('safeNext', () => {
  const origin = 'https://dash.example.org';
  it('accepts in-app paths', () => {
    expect(safeNext('/apps/x/dev?q=a', origin)).toBe('/apps/x/dev?q=a');
    expect(safeNext('/apps/a%2Fb/dev#k', origin)).toBe('/apps/a%2Fb/dev#k');
    expect(safeNext('/apps/x/dev')).toBe('/apps/x/dev');
  });

  it.each([
    null,
    '',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '///evil.example',
    'https://evil.example',
    'https://dash.example.org/apps',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/sign-in',
    '/sign-in?next=/apps',
    '/%73ign-in',
    '/%5Cevil.example',
    '/%E0%A4%A',
    'apps',
  ])('falls back to /apps for %j', (value) => {
    expect(safeNext(value, origin)).toBe('/apps');
  });
});

describe('page paths', () => {
  it('encode each part as one path segment', () => {
    expect(envPath('a/b', 'dev')).toBe('/apps/a%2Fb/dev');
    expect(secretPath('app_1', 's?1')).toBe('/apps/app_1/secrets/s%3F1');
  });
});

describe('withSearch', () => {
  it('carries the search text along, encoded, and nothing when it is empty', () => {
    expect(withSearch('/apps/a/dev', 'db url&x')).toBe('/apps/a/dev?q=db%20url%26x');
    expect(withSearch('/apps/a', '')).toBe('/apps/a');
  });
});
