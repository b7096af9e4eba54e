import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Environment } from '@/api/contract';
import { useWriteFlow, useWriteProgress, type WriteFlowOptions } from './use-write-flow';

const DEV: Environment = { id: 'env_dev', slug: 'development', name: 'development', label: 'Development' };
const PROD: Environment = { id: 'env_prod', slug: 'production', name: 'production', label: 'Production' };
const PROD_EU: Environment = { id: 'env_prod_eu', slug: 'prod-eu', name: 'prod-eu', label: 'Prod EU' };

/** A promise settled from outside: a request in flight. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function renderFlow(options: Partial<WriteFlowOptions> = {}) {
  const onClose = vi.fn<() => void>();
  const view = renderHook((props: WriteFlowOptions) => useWriteFlow(props), { initialProps: { dirty: false, onClose, ...options } });
  return { ...view, onClose };
}

describe('useWriteFlow', () => {
  it('runs a write once while it is pending (a double submit sends once)', async () => {
    const { result } = renderFlow();
    const request = deferred();
    const write = vi.fn(() => request.promise);
    let first!: Promise<void>;
    act(() => {
      first = result.current.submit(write);
      void result.current.submit(write);
    });
    expect(result.current.pending).toBe(true);
    void result.current.submit(write);
    expect(write).toHaveBeenCalledTimes(1);
    await act(async () => {
      request.resolve();
      await first;
    });
    expect(result.current.pending).toBe(false);
    await act(() => result.current.submit(write));
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('keeps what a failed write threw until the next attempt starts', async () => {
    const { result } = renderFlow();
    const failure = new Error('HTTP 500');
    await act(() => result.current.submit(() => Promise.reject(failure)));
    expect(result.current.error).toBe(failure);
    expect(result.current.pending).toBe(false);

    const request = deferred();
    let retry!: Promise<void>;
    act(() => {
      retry = result.current.submit(() => request.promise);
    });
    expect(result.current.error).toBeNull();
    await act(async () => {
      request.resolve();
      await retry;
    });
    expect(result.current.error).toBeNull();
  });

  it('asks before a write to production, names those environments, and Back drops the write', async () => {
    const { result } = renderFlow();
    const write = vi.fn(() => Promise.resolve());
    await act(() => result.current.submit(write, { targets: [DEV, PROD, PROD_EU] }));
    expect(result.current.confirming).toBe('Production and Prod EU');
    expect(write).not.toHaveBeenCalled();

    act(() => result.current.back());
    expect(result.current.confirming).toBeNull();
    act(() => result.current.confirm());
    expect(write).not.toHaveBeenCalled();
  });

  it('runs the confirmed write once, showing the confirmation until it ends', async () => {
    const { result } = renderFlow();
    const request = deferred();
    const write = vi.fn(() => request.promise);
    await act(() => result.current.submit(write, { targets: [PROD] }));
    act(() => {
      result.current.confirm();
      result.current.confirm();
    });
    expect(write).toHaveBeenCalledTimes(1);
    expect(result.current.pending).toBe(true);
    expect(result.current.confirming).toBe('Production');
    await act(async () => request.reject(new Error('HTTP 503')));
    expect(result.current.confirming).toBeNull();
    expect(result.current.error).toEqual(new Error('HTTP 503'));

    // Every write to production asks again, the retry of a failed one too.
    await act(() => result.current.submit(write, { targets: [PROD] }));
    expect(result.current.confirming).toBe('Production');
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('writes at once outside production, or when the user has already confirmed', async () => {
    const { result } = renderFlow();
    const write = vi.fn(() => Promise.resolve());
    await act(() => result.current.submit(write, { targets: [DEV] }));
    await act(() => result.current.submit(write, { targets: [PROD], confirmed: true }));
    expect(write).toHaveBeenCalledTimes(2);
    expect(result.current.confirming).toBeNull();
  });

  it('closes at once when nothing would be lost, else asks first', () => {
    const { result, rerender, onClose } = renderFlow();
    act(() => result.current.requestClose());
    expect(onClose).toHaveBeenCalledTimes(1);

    rerender({ dirty: true, onClose });
    act(() => result.current.requestClose());
    expect(result.current.discarding).toBe(true);
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => result.current.keepEditing());
    expect(result.current.discarding).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(1);

    act(() => result.current.requestClose());
    act(() => result.current.discard());
    expect(result.current.discarding).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('cannot close while a write runs', async () => {
    const { result, onClose } = renderFlow({ dirty: true });
    const request = deferred();
    let write!: Promise<void>;
    act(() => {
      write = result.current.submit(() => request.promise);
    });
    act(() => result.current.requestClose());
    expect(result.current.discarding).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => {
      request.resolve();
      await write;
    });
  });
});

/** A form whose submit button gives up focus while pending, as a disabled button does in a browser. */
function Form({ write }: { write: () => Promise<void> }) {
  const flow = useWriteFlow({ dirty: false, onClose: () => {} });
  const { submitRef, pending } = flow;
  return (
    <>
      <input aria-label="Elsewhere" />
      <button
        ref={submitRef}
        type="button"
        onClick={(event) => {
          event.currentTarget.blur();
          void flow.submit(write);
        }}
      >
        {pending ? 'Saving…' : 'Save'}
      </button>
    </>
  );
}

describe('useWriteFlow focus', () => {
  it('puts focus back on the submit button when the write ends with focus lost', async () => {
    const user = userEvent.setup();
    render(<Form write={() => Promise.reject(new Error('HTTP 500'))} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Save' })).toHaveFocus();
  });

  it('leaves focus where the user put it meanwhile', async () => {
    const user = userEvent.setup();
    const request = deferred();
    render(<Form write={() => request.promise} />);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('textbox', { name: 'Elsewhere' }));
    await act(async () => request.resolve());
    expect(screen.getByRole('button', { name: 'Save' })).not.toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Elsewhere' })).toHaveFocus();
  });
});

describe('useWriteProgress', () => {
  it('tracks each request as it ends and says whether all were saved', async () => {
    const { result } = renderHook(() => useWriteProgress());
    const items = [{ envId: 'env_dev' }, { envId: 'env_qa' }, { envId: 'env_staging' }];
    const requests = new Map(items.map((item) => [item.envId, deferred()]));
    let all!: Promise<boolean>;
    act(() => {
      all = result.current.sendEach(items.slice(0, 2), (item) => item.envId, (item) => requests.get(item.envId)!.promise);
    });
    expect(result.current.statuses).toEqual({ env_dev: { state: 'saving' }, env_qa: { state: 'saving' } });

    await act(async () => requests.get('env_dev')!.resolve());
    expect(result.current.statuses).toEqual({ env_dev: { state: 'saved' }, env_qa: { state: 'saving' } });

    const failure = new Error('HTTP 503');
    let saved: boolean | undefined;
    await act(async () => {
      requests.get('env_qa')!.reject(failure);
      saved = await all;
    });
    expect(saved).toBe(false);
    expect(result.current.statuses.env_qa).toEqual({ state: 'failed', error: failure });
    // What a retry sends: the failed one and the one never sent, not the saved one.
    expect(result.current.unsaved(items, (item) => item.envId)).toEqual([{ envId: 'env_qa' }, { envId: 'env_staging' }]);
  });

  it('resolves true when every request was saved', async () => {
    const { result } = renderHook(() => useWriteProgress());
    let saved: boolean | undefined;
    await act(async () => {
      saved = await result.current.sendEach(['a', 'b'], (key) => key, () => Promise.resolve());
    });
    expect(saved).toBe(true);
    expect(result.current.unsaved(['a', 'b'], (key) => key)).toEqual([]);
  });
});
