import { describe, expect, it } from 'vitest';
import { createShortcutReader, isOwnedByFocus, SEQUENCE_MS, type KeyPress } from './shortcuts';

const press = (key: string, timeStamp = 0, mods: Partial<KeyPress> = {}): KeyPress => ({ key, timeStamp, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('reads ⌘K and Ctrl+K always, single keys only when on', () => {
    const read = createShortcutReader();
    expect(read(press('k', 0, { metaKey: true }), false)).toBe('palette');
    expect(read(press('K', 0, { ctrlKey: true }), true)).toBe('palette');
    expect(read(press('?'), false)).toBeNull();
    expect(read(press('?'), true)).toBe('sheet');
    expect(read(press('/'), true)).toBe('search');
    expect(read(press('n'), true)).toBe('new-secret');
    expect(read(press('n', 0, { ctrlKey: true }), true)).toBeNull();
  });

  it('reads g then a or o within the sequence time, and nothing after it', () => {
    const read = createShortcutReader();
    read(press('g', 1000), true);
    expect(read(press('a', 1000 + SEQUENCE_MS), true)).toBe('apps');
    read(press('g', 5000), true);
    expect(read(press('o', 5100), true)).toBe('overview');
    read(press('g', 9000), true);
    expect(read(press('o', 9001 + SEQUENCE_MS), true)).toBeNull();
    expect(read(press('a', 20_000), true)).toBeNull();
  });

  it('leaves single keys to fields, dialogs and menus', () => {
    document.body.innerHTML = '<input id="i"><div role="dialog"><button id="d"></button></div><button id="b"></button>';
    expect(isOwnedByFocus(document.getElementById('i'))).toBe(true);
    expect(isOwnedByFocus(document.getElementById('d'))).toBe(true);
    expect(isOwnedByFocus(document.getElementById('b'))).toBe(false);
  });
});
