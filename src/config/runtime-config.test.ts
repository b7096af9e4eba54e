// @vitest-environment node
import { readRuntimeConfig } from './runtime-config';

describe('readRuntimeConfig: the session’s limits', () => {
  it('defaults to 15 minutes idle, 12 hours at most, tokens in session storage', () => {
    expect(readRuntimeConfig({})).toMatchObject({ idleTimeoutMinutes: 15, absoluteTimeoutHours: 12, tokenStorage: 'session' });
  });

  it('takes values within bounds', () => {
    expect(readRuntimeConfig({ idleTimeoutMinutes: 5, absoluteTimeoutHours: 1, tokenStorage: 'memory' })).toMatchObject({
      idleTimeoutMinutes: 5,
      absoluteTimeoutHours: 1,
      tokenStorage: 'memory',
    });
  });

  it.each([{ idleTimeoutMinutes: 0 }, { idleTimeoutMinutes: 1441 }, { idleTimeoutMinutes: 2.5 }, { absoluteTimeoutHours: 169 }, { tokenStorage: 'disk' }])(
    'falls back to the defaults on %o',
    (source) => {
      expect(readRuntimeConfig(source)).toMatchObject({ idleTimeoutMinutes: 15, absoluteTimeoutHours: 12, tokenStorage: 'session' });
    },
  );

  it('a mistake elsewhere keeps memory-only tokens memory-only', () => {
    expect(readRuntimeConfig({ tokenStorage: 'memory', idleTimeoutMinutes: 0 })).toMatchObject({ tokenStorage: 'memory', idleTimeoutMinutes: 15 });
  });
});

describe('readRuntimeConfig: the demo’s delay', () => {
  it('is unset by default, taken within bounds, dropped with the rest when out of them', () => {
    expect(readRuntimeConfig({}).demoLatencyMs).toBeUndefined();
    expect(readRuntimeConfig({ demo: true, demoLatencyMs: 0 }).demoLatencyMs).toBe(0);
    expect(readRuntimeConfig({ demo: true, demoLatencyMs: -1 }).demoLatencyMs).toBeUndefined();
  });
});
