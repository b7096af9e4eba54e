// @vitest-environment node
import { createClipboardGuard, type ClipboardGuardEnvironment } from './clipboard-guard';

/** A clipboard in memory, the page's focus as a flag, and the fake timers' clock. */
function setup() {
  const clipboard = {
    text: '',
    readable: true,
    readText: vi.fn(async () => {
      if (!clipboard.readable) throw new DOMException('Read permission denied.', 'NotAllowedError');
      return clipboard.text;
    }),
    writeText: vi.fn(async (text: string) => {
      clipboard.text = text;
    }),
  };
  const focus = { has: true, target: new EventTarget() };
  const env: ClipboardGuardEnvironment = {
    clipboard: () => clipboard,
    hasFocus: () => focus.has,
    focusTarget: focus.target,
    now: () => Date.now(),
  };
  return { clipboard, focus, guard: createClipboardGuard(env) };
}

/** Taken before the timers are faked: a real pause. */
const realSetTimeout = globalThis.setTimeout;

/** Lets the guard's reads, digests and writes settle (crypto.subtle runs outside the fake timers). */
async function settle() {
  for (let i = 0; i < 10; i++) {
    await vi.advanceTimersByTimeAsync(0);
    await new Promise((resolve) => realSetTimeout(resolve, 2));
  }
}

describe('clipboardGuard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('clears the copied value once the delay has passed, not before', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('s3cret', 30_000);
    expect(clipboard.text).toBe('s3cret');
    await vi.advanceTimersByTimeAsync(29_999);
    await settle();
    expect(clipboard.text).toBe('s3cret');
    await vi.advanceTimersByTimeAsync(1);
    await settle();
    expect(clipboard.text).toBe('');
  });

  it('counts from the clock: focus after the due time clears though the timer has not fired', async () => {
    const { clipboard, focus, guard } = setup();
    await guard.copy('s3cret', 30_000);
    // A throttled background timer: the clock moves on, the timer does not.
    vi.setSystemTime(Date.now() + 31_000);
    await settle();
    expect(clipboard.text).toBe('s3cret');
    focus.target.dispatchEvent(new Event('focus'));
    await settle();
    expect(clipboard.text).toBe('');
  });

  it('leaves alone what the user copied since', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('s3cret', 30_000);
    clipboard.text = 'something of mine';
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(clipboard.text).toBe('something of mine');
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
  });

  it('does not clear when reading is refused', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('s3cret', 30_000);
    clipboard.readable = false;
    await vi.advanceTimersByTimeAsync(30_000);
    await settle();
    expect(clipboard.readText).toHaveBeenCalled();
    expect(clipboard.text).toBe('s3cret');
    expect(clipboard.writeText).toHaveBeenCalledTimes(1);
  });

  it('waits for focus when due without it, then clears', async () => {
    const { clipboard, focus, guard } = setup();
    await guard.copy('s3cret', 30_000);
    focus.has = false;
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(clipboard.readText).not.toHaveBeenCalled();
    expect(clipboard.text).toBe('s3cret');
    focus.has = true;
    focus.target.dispatchEvent(new Event('focus'));
    await settle();
    expect(clipboard.text).toBe('');
  });

  it('focus before the due time changes nothing', async () => {
    const { clipboard, focus, guard } = setup();
    await guard.copy('s3cret', 30_000);
    focus.target.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(10_000);
    await settle();
    expect(clipboard.text).toBe('s3cret');
  });

  it('clearNow clears at once, only if it is still ours, and only once', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('s3cret', 30_000);
    guard.clearNow();
    await settle();
    expect(clipboard.text).toBe('');
    clipboard.text = 'later, mine';
    guard.clearNow();
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(clipboard.text).toBe('later, mine');
    expect(clipboard.readText).toHaveBeenCalledTimes(1);

    await guard.copy('other', 30_000);
    clipboard.text = 'mine again';
    guard.clearNow();
    await settle();
    expect(clipboard.text).toBe('mine again');
  });

  it('a new copy replaces the one before: its own delay, its own value', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('first', 30_000);
    await vi.advanceTimersByTimeAsync(20_000);
    await guard.copy('second', 30_000);
    await vi.advanceTimersByTimeAsync(20_000);
    await settle();
    expect(clipboard.text).toBe('second');
    await vi.advanceTimersByTimeAsync(10_000);
    await settle();
    expect(clipboard.text).toBe('');
  });

  it('matches a value handed back with CRLF line endings', async () => {
    const { clipboard, guard } = setup();
    await guard.copy('line 1\nline 2', 15_000);
    clipboard.text = 'line 1\r\nline 2';
    await vi.advanceTimersByTimeAsync(15_000);
    await settle();
    expect(clipboard.text).toBe('');
  });

  it('a refused write schedules nothing', async () => {
    const { clipboard, guard } = setup();
    clipboard.writeText.mockRejectedValueOnce(new DOMException('Write permission denied.', 'NotAllowedError'));
    await expect(guard.copy('s3cret', 30_000)).rejects.toThrow('Write permission denied.');
    await vi.advanceTimersByTimeAsync(60_000);
    await settle();
    expect(clipboard.readText).not.toHaveBeenCalled();
  });
});
