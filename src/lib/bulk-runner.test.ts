// @vitest-environment node
import { ApiError } from '@/api/api-error';
import { createBulkRunner, type BulkItem } from './bulk-runner';
import { sessionRenewal } from './session-renewal';
import { unsavedInput } from './unsaved-input';

/** A write the test ends by hand: every call is recorded with its item and signal. */
interface Call {
  item: BulkItem;
  signal: AbortSignal;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function fakeWrite() {
  const calls: Call[] = [];
  const write = (item: BulkItem, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ item, signal, resolve, reject });
      signal.addEventListener('abort', () => reject(new ApiError({ kind: 'aborted', endpoint: 'set value', message: 'aborted' })), { once: true });
    });
  return { calls, write };
}

const items = (n: number): BulkItem[] => Array.from({ length: n }, (_, i) => ({ id: `id_${i}`, label: `KEY_${i}` }));
const httpError = (status: number, extra: { retryAfterMs?: number; requestId?: string } = {}) =>
  new ApiError({ kind: 'http', status, endpoint: 'set value', message: `HTTP ${status}`, ...extra });
const flush = () => vi.advanceTimersByTimeAsync(0);
const started = (calls: Call[]) => calls.map((call) => call.item.id);

beforeEach(() => {
  vi.useFakeTimers();
  sessionRenewal.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createBulkRunner', () => {
  it('sends six at a time and counts what is done', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write });
    const run = runner.run(items(10));
    await flush();
    expect(calls).toHaveLength(6);
    expect(runner.getSnapshot()).toMatchObject({ running: true, total: 10, done: 0, pending: 10 });
    calls[0]!.resolve();
    calls[1]!.resolve();
    await flush();
    expect(calls).toHaveLength(8);
    for (const call of calls.slice(2)) call.resolve();
    await flush();
    for (const call of calls.slice(8)) call.resolve();
    await run;
    expect(runner.getSnapshot()).toMatchObject({ running: false, done: 10, failed: 0, cancelled: 0, pending: 0 });
    expect(runner.statusOf('id_9')).toBe('done');
  });

  it('on a 429 starts nothing new for Retry-After, then sends the refused item again', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 2 });
    const run = runner.run(items(3));
    await flush();
    calls[0]!.reject(httpError(429, { retryAfterMs: 2_000 }));
    await flush();
    expect(runner.getSnapshot().waiting).toBe('rate-limit');
    calls[1]!.resolve();
    await vi.advanceTimersByTimeAsync(1_999);
    // Neither the refused item nor the next one started during the pause.
    expect(started(calls)).toEqual(['id_0', 'id_1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started(calls)).toEqual(['id_0', 'id_1', 'id_0', 'id_2']);
    expect(runner.getSnapshot().waiting).toBeNull();
    calls[2]!.resolve();
    calls[3]!.resolve();
    await run;
    expect(runner.getSnapshot()).toMatchObject({ done: 3, failed: 0 });
  });

  it('without Retry-After backs off by the default, doubling per retry of the item and capped', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 1, defaultBackoffMs: 100, maxBackoffMs: 150 });
    const run = runner.run(items(1));
    await flush();
    calls[0]!.reject(httpError(429));
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]!.reject(httpError(429));
    // 200 ms doubled, capped at 150.
    await vi.advanceTimersByTimeAsync(149);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]!.resolve();
    await run;
    expect(runner.getSnapshot().done).toBe(1);
  });

  it('fails an item on another error with its message, and retries only the failed ones', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write });
    const run = runner.run(items(3));
    await flush();
    calls[0]!.resolve();
    calls[1]!.reject(httpError(500, { requestId: 'req_1' }));
    calls[2]!.resolve();
    await run;
    expect(runner.getSnapshot()).toMatchObject({ done: 2, failed: 1, pending: 0 });
    expect(runner.getSnapshot().failures).toEqual([{ id: 'id_1', label: 'KEY_1', message: 'HTTP 500 (request id req_1)' }]);

    const retry = runner.retryFailed();
    await flush();
    expect(started(calls)).toEqual(['id_0', 'id_1', 'id_2', 'id_1']);
    expect(runner.getSnapshot()).toMatchObject({ running: true, done: 2, failed: 0, pending: 1 });
    calls[3]!.resolve();
    await retry;
    expect(runner.getSnapshot()).toMatchObject({ running: false, done: 3, failed: 0, failures: [] });
  });

  it('cancel aborts the writes in flight and starts no more: they end as cancelled', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 2 });
    const run = runner.run(items(5));
    await flush();
    calls[0]!.resolve();
    await flush();
    runner.cancel();
    await run;
    expect(calls.every((call) => call.signal.aborted)).toBe(true);
    expect(started(calls)).toEqual(['id_0', 'id_1', 'id_2']);
    expect(runner.getSnapshot()).toMatchObject({ running: false, done: 1, cancelled: 4, failed: 0, pending: 0 });
  });

  it('cancel during a 429 pause ends the waiting items too', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 2 });
    const run = runner.run(items(3));
    await flush();
    calls[0]!.reject(httpError(429, { retryAfterMs: 60_000 }));
    calls[1]!.resolve();
    await flush();
    runner.cancel();
    await run;
    expect(calls).toHaveLength(2);
    expect(runner.getSnapshot()).toMatchObject({ done: 1, cancelled: 2 });
  });

  it('on a 401 holds its input, pauses until the session is renewed and sends the refused item again', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 2, holdName: 'Copy values' });
    const run = runner.run(items(3));
    await flush();
    expect(unsavedInput.names()).toEqual(['Copy values']);
    // The API client asks for the refused token before the write sees its 401.
    sessionRenewal.ask('write');
    calls[0]!.reject(httpError(401));
    await flush();
    expect(runner.getSnapshot().waiting).toBe('sign-in');
    calls[1]!.resolve();
    await flush();
    expect(started(calls)).toEqual(['id_0', 'id_1']);
    sessionRenewal.renewed();
    await flush();
    expect(started(calls)).toEqual(['id_0', 'id_1', 'id_0', 'id_2']);
    calls[2]!.resolve();
    calls[3]!.resolve();
    await run;
    expect(runner.getSnapshot()).toMatchObject({ done: 3, failed: 0, waiting: null });
    expect(unsavedInput.names()).toEqual([]);
  });

  it('fails a 401 when no new token will come (the prompt closed without renewal)', async () => {
    const { calls, write } = fakeWrite();
    const runner = createBulkRunner({ write, concurrency: 1 });
    const run = runner.run(items(1));
    await flush();
    calls[0]!.reject(httpError(401));
    await run;
    expect(runner.getSnapshot()).toMatchObject({ done: 0, failed: 1 });
  });
});
