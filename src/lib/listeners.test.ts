// @vitest-environment node
import { createListeners } from './listeners';

describe('createListeners', () => {
  it('calls every listener with the arguments, in subscription order, until each unsubscribes', () => {
    const listeners = createListeners<[value: number]>();
    const calls: string[] = [];
    const offA = listeners.subscribe((value) => calls.push(`a${value}`));
    listeners.subscribe((value) => calls.push(`b${value}`));
    listeners.emit(1);
    offA();
    listeners.emit(2);
    expect(calls).toEqual(['a1', 'b1', 'b2']);
  });
});
