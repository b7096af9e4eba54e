import type { APIResponse } from '@playwright/test';
import { test, expect, HTTP_SESSION, startSignedIn } from './fixtures';
import { HEADERS, MAX_VALUE_BYTES, requests } from '../src/api/contract-http';
import { setValueBody } from '../src/api/contract';

/**
 * deploy/nginx's headers, read from the wire: on the page, an asset, an API response and a 404;
 * caching and compression per kind of file; only the API behind /api/; and no frame can show the
 * dashboard, from another site or from this one.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  /^style-src 'self' 'nonce-[0-9a-f]{32}'$/,
  "connect-src 'self' https://api.commandk.dev https://*.commandk.dev",
  "img-src 'self' data:",
  "font-src 'self'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types dashboard-demo',
];

const SECURITY_HEADERS = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), clipboard-read=(self), clipboard-write=(self)',
  'cross-origin-opener-policy': 'same-origin',
};

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const directives = (headers['content-security-policy'] ?? '').split(';').map((d) => d.trim());
  expect(directives.length, `${what}: ${headers['content-security-policy']}`).toBe(POLICY.length);
  POLICY.forEach((expected, i) => {
    if (typeof expected === 'string') expect(directives[i], what).toBe(expected);
    else expect(directives[i], what).toMatch(expected);
  });
  expect(headers['content-security-policy'], what).not.toContain('unsafe-');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], `${what}: ${name}`).toBe(value);
}

const nonceOf = (response: APIResponse) => /'nonce-([0-9a-f]+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];

test('every response carries the policy and the security headers; caching and compression fit each file', async ({ request }) => {
  const page = await request.get('/apps/app_payments/production');
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page, 'a deep link (the page)');
  expect(page.headers()['cache-control']).toBe('no-store');
  const html = await page.text();
  // The page's style nonce is this response's, and a new one each time.
  expect(html).toContain(`<meta name="csp-nonce" content="${nonceOf(page)}"`);
  const again = await request.get('/');
  expect(nonceOf(again)).not.toBe(nonceOf(page));
  expect(await again.text()).toContain(`content="${nonceOf(again)}"`);

  const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script, 'the entry script in index.html').toBeTruthy();
  const asset = await request.get(script!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.status()).toBe(200);
  expectSecurityHeaders(asset, 'an asset');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect((await request.get('/app-config.js')).headers()['cache-control']).toBe('no-store');

  const api = await request.get('/api/environments', { headers: { Authorization: `Bearer ${HTTP_SESSION.readToken}`, 'Accept-Encoding': 'gzip' } });
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api, 'an API response');
  expect(api.headers()['content-encoding'], 'API responses are never compressed').toBeUndefined();
  expect((await api.json()) as unknown).toHaveProperty('environments');

  for (const missing of ['/assets/missing-0123.js', '/favicon.ico', '/.vite/manifest.json']) {
    const response = await request.get(missing);
    expect(response.status(), missing).toBe(404);
    expectSecurityHeaders(response, `a 404 (${missing})`);
  }
});

test('only the API is behind /api/: the fake’s control routes are unreachable, however spelled', async ({ request }) => {
  for (const path of ['/api/__fake/faults', '/api/%5F%5Ffake/faults', '/api/__FAKE/faults', '/api/x/..%2F__fake/faults', '/api//__fake/faults']) {
    const response = await request.post(path, { headers: { [HEADERS.fakeControl]: '1' }, data: [] });
    expect(response.status(), path).toBe(404);
  }
  // The root's /__fake is the page's business, not the fake's.
  const root = await request.post('/__fake/reset', { headers: { [HEADERS.fakeControl]: '1' } });
  expect(root.headers()['content-type'] ?? '').not.toContain('application/json');
});

test('the largest value passes the proxy even when JSON escapes every byte; a larger body is refused there', async ({ request }) => {
  const auth = { Authorization: `Bearer ${HTTP_SESSION.readToken}` };
  // An app no other spec writes to, and its first secret in QA.
  const rendered = requests.renderedSecrets({ appId: 'app_0070', envId: 'env_qa', mode: 'PreviewOnly' });
  const list = await request.get(`/api${rendered.path}`, { headers: auth, params: rendered.query as Record<string, string> });
  const { secrets } = (await list.json()) as { secrets: { secretId: string }[] };
  const target = requests.setValue('app_0070', secrets[0]!.secretId, 'env_qa');
  const put = (data: string) => request.put(`/api${target.path}`, { headers: { ...auth, 'Content-Type': 'application/json' }, data });

  // 1 MiB of a control character: six bytes each once escaped.
  const largest = JSON.stringify(setValueBody('\u0001'.repeat(MAX_VALUE_BYTES)));
  expect(largest.length).toBeGreaterThan(6 * MAX_VALUE_BYTES);
  expect((await put(largest)).status()).toBeLessThan(300);
  const tooLarge = await put(largest + ' '.repeat(MAX_VALUE_BYTES));
  expect(tooLarge.status()).toBe(413);
  expect(tooLarge.headers()['content-type'], 'nginx’s own answer, not the API’s').toContain('text/html');
});

for (const host of ['another site', 'this site'] as const) {
  test(`a page on ${host} cannot show the dashboard in a frame`, async ({ page, baseURL }) => {
    await startSignedIn(page, HTTP_SESSION);
    const framed = `${baseURL}/apps/app_payments/production`;
    const hostPage = `<!doctype html><title>host</title><iframe src="${framed}" width="800" height="600"></iframe>`;
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiRequests.push(r.url());
    });
    if (host === 'another site') {
      // A page of no site of ours (about:blank). Chromium's local-network checks would block a
      // test-fulfilled page of another host name on their own, hiding what the headers do.
      await page.setContent(hostPage);
    } else {
      // Same origin: the host page comes from the test, the framed one from nginx.
      await page.route(`${baseURL}/framing-host.html`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage }));
      await page.goto('/framing-host.html');
    }
    // The browser shows its error page in the frame, not the page nginx answered with.
    const frameUrl = () => page.frames().find((f) => f !== page.mainFrame())?.url();
    await expect.poll(frameUrl).toBe('chrome-error://chromewebdata/');
    expect(apiRequests).toEqual([]);
  });
}
