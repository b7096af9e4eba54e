// @vitest-environment node
// The `/__fake` control routes: the control header, content types, methods, live settings.
import { HEADERS, PATHS } from '../src/api/contract.ts';
import { APP, expectError, useFakeServer } from './handlers-fixture.ts';

const { fake, call, control, secretId } = useFakeServer();

describe('control routes', () => {
  it('refuse a call without the control header (or with another value), and do nothing', async () => {
    const variants: Array<Record<string, string>> = [{}, { [HEADERS.fakeControl]: '0' }, { [HEADERS.fakeControl]: 'true' }];
    for (const headers of variants) {
      const response = await fetch(`${fake.controlUrl}/__fake/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ fault: { kind: 'network' } }),
      });
      await expectError(response, 403, /X-Fake-Control: 1/);
      await expectError(await fetch(`${fake.controlUrl}/__fake/settings`, { headers }), 403);
      await expectError(await fetch(`${fake.controlUrl}/__fake/reset`, { method: 'POST', headers }), 403);
    }
    expect(fake.faults.size).toBe(0);
    expect((await control('settings')).status).toBe(200);
  });

  it('are not under the API base, even with the header', async () => {
    const response = await call(`${PATHS.fakeControl}/faults`, { headers: { [HEADERS.fakeControl]: '1' }, body: { fault: { kind: 'network' } } });
    await expectError(response, 404, /No route/);
    expect(fake.faults.size).toBe(0);
  });

  it('answer 415 to a body that is not sent as JSON (an empty reset needs none)', async () => {
    await expectError(await control('faults', { body: { fault: { kind: 'network' } }, contentType: 'text/plain' }), 415);
    await expectError(await control('settings', { body: { latencyMs: 5 }, contentType: null }), 415);
    await expectError(await control('reset', { body: { secrets: 3 }, contentType: 'text/plain' }), 415);
    expect(fake.faults.size).toBe(0);
    expect(fake.settings.latencyMs).toBe(0);
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect((await control('settings', { body: { latencyMs: 5 }, contentType: 'application/json; charset=utf-8' })).status).toBe(200);
  });

  it('answer 405 to another method, 404 to an unknown name, 400 to malformed percent-encoding', async () => {
    const put = await control('faults', { method: 'PUT', body: {} });
    await expectError(put, 405);
    expect(put.headers.get('Allow')).toBe('POST, GET, DELETE');
    await expectError(await control('nope'), 404);
    await expectError(await control('%E0%A4%A'), 400, /percent-encoding/);
  });

  it('switch the write responses live; a reset restores the start-up one', async () => {
    const switched = await control('settings', { body: { writeResponses: 'empty' } });
    expect(await switched.json()).toMatchObject({ writeResponses: 'empty' });
    const created = await call(`/apps/${APP}/secrets`, { body: { name: 'LIVE_MODE', purposeType: 'Other', environmentScopedValues: [] } });
    expect(await created.json()).toEqual({ id: secretId('LIVE_MODE') });
    await expectError(await control('settings', { body: { writeResponses: 'full' } }), 400, /writeResponses/);
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect(fake.settings.writeResponses).toBe('minimal');
  });
});
