// @vitest-environment node
/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiErrorBodySchema, HEADERS } from '../src/api/contract.ts';
import { apiProxyGuard, reachesFakeControl } from './api-proxy-guard.ts';

const rewrite = (path: string) => path.replace(/^\/api/, '');

describe('reachesFakeControl', () => {
  it.each([
    '/__fake/faults',
    '/__fake',
    '/__FAKE/settings',
    '/%5F_fake/faults',
    '/%5f%5F%66ake/reset',
    '/%255F_fake/faults',
    '/apps/../__fake/faults',
    '/apps/%2e%2e/__fake/faults',
    '/apps/%2E%2E/%5F_fake/faults',
    '\\__fake\\faults',
    '/x%2F__fake/faults',
    '//__fake/faults',
    '__fake/faults',
    '/__fake/faults?x=1',
    '/__fakery',
    // A URL parser drops tabs and newlines: the fake would read "/__fake/faults".
    '/_\t_fake/faults',
  ])('%j: yes', (path) => {
    expect(reachesFakeControl(path)).toBe(true);
  });

  it.each(['/environments', '/apps/app_payments/secrets/rendered?mode=Full', '/apps/my__fake_app', '/apps/x/secrets/y/environments/z/values', '/fake/x', '/apps/%E0%A4%A/secrets', '/?q=__fake'])(
    '%s: no',
    (path) => {
      expect(reachesFakeControl(path)).toBe(false);
    },
  );
});

describe('apiProxyGuard', () => {
  const guard = apiProxyGuard('/api', rewrite);

  function run(url: string, headers: Record<string, string> = {}) {
    const req = { url, headers: { ...headers } } as unknown as IncomingMessage;
    const sent: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} };
    const res = {
      set statusCode(value: number) {
        sent.status = value;
      },
      setHeader(name: string, value: string) {
        sent.headers[name.toLowerCase()] = value;
      },
      end(body: string) {
        sent.body = body;
      },
    } as unknown as ServerResponse;
    const next = vi.fn();
    guard(req, res, next);
    return { req, sent, next };
  }

  it.each(['/api/__fake/faults', '/api/%5F_fake/faults', '/api/%5f%5f%46AKE/settings', '/api/apps/..%2F..%2F__fake/reset', '/api__fake/faults', '/api/./__fake/faults?x'])(
    'answers %s with a JSON 404 and does not proxy it',
    (url) => {
      const { sent, next } = run(url, { [HEADERS.fakeControl.toLowerCase()]: '1' });
      expect(next).not.toHaveBeenCalled();
      expect(sent.status).toBe(404);
      expect(sent.headers['content-type']).toBe('application/json');
      expect(apiErrorBodySchema.parse(JSON.parse(sent.body ?? ''))).toMatchObject({ error: 'Not Found', requestId: expect.stringMatching(/^req_proxy_/) });
    },
  );

  it('lets every other /api request through, without the control header', () => {
    const { req, sent, next } = run('/api/apps/app_payments/secrets/rendered?environment=env_dev&mode=Full', {
      [HEADERS.fakeControl.toLowerCase()]: '1',
      authorization: 'Bearer t',
    });
    expect(next).toHaveBeenCalledOnce();
    expect(sent.status).toBeUndefined();
    expect(req.headers).toEqual({ authorization: 'Bearer t' });
  });

  it('leaves requests outside the prefix alone (they are not proxied)', () => {
    const { req, next } = run('/__fake/faults', { [HEADERS.fakeControl.toLowerCase()]: '1' });
    expect(next).toHaveBeenCalledOnce();
    expect(req.headers[HEADERS.fakeControl.toLowerCase()]).toBe('1');
  });
});
