// @vitest-environment node
import { checkApiBaseUrl, originMatches } from './api-origin';
import { DEFAULT_API_ORIGINS } from './runtime-config';

const ctx = { origin: 'https://dash.example.org', apiOrigins: DEFAULT_API_ORIGINS };
const allowed = (value: string, context = ctx) => checkApiBaseUrl(value, context).ok;
const reason = (value: string, context = ctx) => {
  const result = checkApiBaseUrl(value, context);
  return result.ok ? null : result.reason;
};

describe('checkApiBaseUrl: paths', () => {
  it('accepts a path on this origin, resolved against it', () => {
    const result = checkApiBaseUrl(' /api ', ctx);
    expect(result.ok && result.url.href).toBe('https://dash.example.org/api');
    expect(allowed('/api/v1/')).toBe(true);
    expect(allowed('/%2F%2Fevil.example')).toBe(true);
  });

  it.each(['/\\evil.example', '//evil.example', '/\\/evil', '\\\\evil', '\\/evil', '/\t/evil.example', '/\n/evil.example', '/\u0000/evil.example', '///evil.example', ' //evil.example'])(
    'refuses %j, which a browser may read as another host',
    (value) => {
      expect(allowed(value)).toBe(false);
      expect(reason(value)).toMatch(/./);
    },
  );

  it('refuses a query string or fragment', () => {
    expect(reason('/api?x=1')).toMatch(/query string or fragment/);
    expect(reason('/api#x')).toMatch(/query string or fragment/);
    expect(reason('https://api.commandk.dev?')).toMatch(/query string or fragment/);
  });

  it('refuses empty and relative values', () => {
    expect(reason('  ')).toMatch(/Enter the API base URL/);
    expect(allowed('api')).toBe(false);
    expect(allowed('evil.example')).toBe(false);
  });
});

describe('checkApiBaseUrl: full URLs', () => {
  it('accepts the listed origins and this origin', () => {
    expect(allowed('https://api.commandk.dev')).toBe(true);
    expect(allowed('https://api.acme.commandk.dev/v1')).toBe(true);
    expect(allowed('https://API.CommandK.dev:443/')).toBe(true);
    expect(allowed('https://dash.example.org/api')).toBe(true);
  });

  it.each(['https://evil.example', 'https://commandk.dev', 'https://evilcommandk.dev', 'https://commandk.dev.evil.example', 'https://api.commandk.dev.', 'https://api.commandk.dev:8443'])(
    'refuses %s, not an allowed origin',
    (value) => expect(reason(value)).toMatch(/not an allowed API origin/),
  );

  it('refuses other schemes, credentials and plain http to a remote host', () => {
    expect(allowed('javascript:alert(1)')).toBe(false);
    expect(allowed('ftp://api.commandk.dev')).toBe(false);
    expect(allowed('data:text/plain,x')).toBe(false);
    expect(reason('https://user:pw@api.commandk.dev')).toMatch(/user name or password/);
    expect(reason('https://user@api.commandk.dev')).toMatch(/user name or password/);
    expect(reason('http://api.commandk.dev')).toMatch(/Use https/);
  });

  it('allows http to a loopback host only when its origin is listed (ports must match)', () => {
    const local = { ...ctx, apiOrigins: [...DEFAULT_API_ORIGINS, 'http://127.0.0.1:8788', 'http://localhost:9000'] };
    expect(allowed('http://127.0.0.1:8788', local)).toBe(true);
    expect(allowed('http://localhost:9000/api', local)).toBe(true);
    expect(allowed('http://127.0.0.1:8789', local)).toBe(false);
    expect(allowed('http://127.0.0.1:8788')).toBe(false);
    expect(allowed('http://[::1]:8788', local)).toBe(false);
    // The page's own origin over http (a local preview) is same-origin.
    expect(allowed('http://127.0.0.1:4173/api', { origin: 'http://127.0.0.1:4173', apiOrigins: [] })).toBe(true);
  });
});

describe('originMatches', () => {
  const url = (value: string) => new URL(value);
  it('matches a wildcard on one or more labels, never the bare domain or a look-alike', () => {
    expect(originMatches(url('https://a.commandk.dev'), 'https://*.commandk.dev')).toBe(true);
    expect(originMatches(url('https://a.b.commandk.dev'), 'https://*.commandk.dev')).toBe(true);
    expect(originMatches(url('https://commandk.dev'), 'https://*.commandk.dev')).toBe(false);
    expect(originMatches(url('https://evilcommandk.dev'), 'https://*.commandk.dev')).toBe(false);
    expect(originMatches(url('http://a.commandk.dev'), 'https://*.commandk.dev')).toBe(false);
    expect(originMatches(url('https://a.commandk.dev:8443'), 'https://*.commandk.dev')).toBe(false);
    expect(originMatches(url('https://a.commandk.dev:8443'), 'https://*.commandk.dev:8443')).toBe(true);
    expect(originMatches(url('https://a.commandk.dev'), 'https://*.commandk.dev:443')).toBe(true);
  });

  it('ignores malformed entries', () => {
    expect(originMatches(url('https://a.commandk.dev'), 'https://*')).toBe(false);
    expect(originMatches(url('https://a.commandk.dev'), '*')).toBe(false);
    expect(originMatches(url('https://a.commandk.dev'), 'https://a.commandk.dev/path')).toBe(false);
  });
});
