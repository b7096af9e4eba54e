// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { unsavedInput } from './unsaved-input';

describe('unsavedInput', () => {
  it('lists each holder until it lets go, and tells subscribers', () => {
    let calls = 0;
    const stop = unsavedInput.subscribe(() => calls++);
    const releaseA = unsavedInput.hold('New secret');
    const releaseB = unsavedInput.hold('Set value');
    expect(unsavedInput.names()).toEqual(['New secret', 'Set value']);
    expect(unsavedInput.any()).toBe(true);
    releaseA();
    releaseA();
    expect(unsavedInput.names()).toEqual(['Set value']);
    releaseB();
    expect(unsavedInput.any()).toBe(false);
    expect(calls).toBe(4);
    stop();
  });
});
