// @vitest-environment node
import { ApiError } from '@/api/api-error';
import { unsavedInput } from '@/lib/unsaved-input';
import { createImportSession, IMPORT_TITLE, type ImportItem } from './use-import-run';

const ENV = 'env_dev';

/** An in-memory service: secrets by name (create answers the existing id, as the api does after a 409) and values per environment. */
function stubApi() {
  const ids = new Map<string, string>([['EXISTING', 'sec_existing']]);
  const values = new Map<string, string>();
  const calls: string[] = [];
  /** Per key, errors to throw from the next writes (in order). */
  const failWrites = new Map<string, unknown[]>();
  let hang = false;
  const api = {
    createSecret: vi.fn(async (name: string) => {
      calls.push(`create ${name}`);
      let id = ids.get(name);
      if (!id) ids.set(name, (id = `sec_${ids.size}`));
      return id;
    }),
    write: vi.fn(async ({ secretId, envId, text }: { secretId: string; envId: string; text: string }, signal: AbortSignal) => {
      const name = [...ids].find(([, id]) => id === secretId)?.[0] ?? '?';
      calls.push(`write ${name}`);
      if (hang) await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      const error = failWrites.get(name)?.shift();
      if (error) throw error;
      values.set(`${envId}/${secretId}`, text);
    }),
    onWritten: vi.fn(),
  };
  const valueOf = (name: string) => values.get(`${ENV}/${ids.get(name)}`);
  return { api, calls, failWrites, valueOf, setHang: (on: boolean) => void (hang = on) };
}

const item = (key: string, value: string, secretId?: string): ImportItem => ({ id: key, label: key, key, secretId, value });

describe('createImportSession', () => {
  it('creates a secret without an id then sets its value, uses the id of one that exists (a 409 in the api), and refreshes the environment', async () => {
    const { api, calls, valueOf } = stubApi();
    const session = createImportSession(api);
    await session.run(ENV, [item('NEW_KEY', 'v1'), item('EXISTING', 'v2'), item('KNOWN', 'v3', 'sec_known_missing')]);
    expect(session.runner.getSnapshot()).toMatchObject({ done: 3, failed: 0, running: false });
    expect(valueOf('NEW_KEY')).toBe('v1');
    expect(valueOf('EXISTING')).toBe('v2');
    expect(calls.filter((c) => c.startsWith('create')).sort()).toEqual(['create EXISTING', 'create NEW_KEY']);
    expect(api.write).toHaveBeenCalledWith({ secretId: 'sec_known_missing', envId: ENV, text: 'v3' }, expect.any(AbortSignal));
    expect(api.onWritten).toHaveBeenCalledWith(ENV);
    expect(session.runner.statusOf('NEW_KEY')).toBe('done');
  });

  it('retries only the failed writes, without creating their secrets again; waits out a 429', async () => {
    const { api, calls, failWrites, valueOf } = stubApi();
    failWrites.set('B', [new ApiError({ kind: 'http', endpoint: 'set value', status: 500, message: 'Server error', requestId: 'req_1' })]);
    failWrites.set('C', [new ApiError({ kind: 'http', endpoint: 'set value', status: 429, message: 'Slow down', retryAfterMs: 0 })]);
    const session = createImportSession(api);
    await session.run(ENV, [item('A', 'a'), item('B', 'b'), item('C', 'c')]);
    const snapshot = session.runner.getSnapshot();
    expect(snapshot).toMatchObject({ done: 2, failed: 1 });
    expect(snapshot.failures).toEqual([{ id: 'B', label: 'B', message: 'Server error (request id req_1)' }]);
    expect(session.runner.statusOf('B')).toBe('failed');
    // The 429'd write was sent again once (and its secret created once).
    expect(calls.filter((c) => c.endsWith(' C'))).toEqual(['create C', 'write C', 'write C']);
    expect(valueOf('C')).toBe('c');

    calls.length = 0;
    await session.retryFailed();
    expect(calls).toEqual(['write B']);
    expect(valueOf('B')).toBe('b');
    expect(session.runner.getSnapshot()).toMatchObject({ done: 3, failed: 0 });
    expect(api.onWritten).toHaveBeenCalledTimes(2);
  });

  it('cancel aborts the writes in flight: they end as cancelled, nothing is held any more', async () => {
    const { api, setHang, valueOf } = stubApi();
    setHang(true);
    const session = createImportSession(api);
    const run = session.run(ENV, [item('A', 'a'), item('B', 'b')]);
    await vi.waitFor(() => expect(api.write).toHaveBeenCalledTimes(2));
    expect(unsavedInput.names()).toContain(IMPORT_TITLE);
    session.runner.cancel();
    await run;
    expect(session.runner.getSnapshot()).toMatchObject({ cancelled: 2, done: 0, running: false });
    expect(valueOf('A')).toBeUndefined();
    expect(unsavedInput.names()).not.toContain(IMPORT_TITLE);
    expect(api.onWritten).toHaveBeenCalledWith(ENV);
  });
});
