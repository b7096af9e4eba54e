// @vitest-environment node
import { createLimiter } from './limiter';

/** A task that finishes when told to. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLimiter', () => {
  it('runs at most `max` tasks at once, the rest in order as others finish', async () => {
    const limiter = createLimiter(2);
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = tasks.map((task, i) => limiter.run(() => (started.push(i), task.done.then(() => i))));
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limiter.active).toBe(2);
    tasks[1]!.finish();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    tasks[0]!.finish();
    tasks[2]!.finish();
    tasks[3]!.finish();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(() => 'next')).toBe('next');
  });

  it('drops a waiting task whose signal aborts, without starting it', async () => {
    const limiter = createLimiter(1);
    const first = deferred();
    const running = limiter.run(() => first.done);
    const controller = new AbortController();
    const task = vi.fn(() => 'never');
    const waiting = limiter.run(task, controller.signal);
    controller.abort(new Error('left'));
    await expect(waiting).rejects.toThrow('left');
    first.finish();
    await running;
    expect(task).not.toHaveBeenCalled();
    expect(limiter.active).toBe(0);
  });
});
