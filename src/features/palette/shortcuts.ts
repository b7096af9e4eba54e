/**
 * The keyboard shortcuts: ⌘K / Ctrl+K anywhere, and single keys (`?`, `/`, `g a`, `g o`, `n`) that
 * never act while typing in a field or inside a dialog or menu, and can be turned off.
 */
import { useEffect, useRef } from 'react';

export type ShortcutAction = 'palette' | 'sheet' | 'search' | 'apps' | 'overview' | 'new-secret';

/** How long after `g` its second key counts. */
export const SEQUENCE_MS = 1500;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Milliseconds, from the event. */
  timeStamp: number;
}

/** Reads key presses into shortcuts, remembering a pending `g`. */
export function createShortcutReader(): (press: KeyPress, singleKeys: boolean) => ShortcutAction | null {
  let pendingG: number | null = null;
  return (press, singleKeys) => {
    if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') return 'palette';
    const afterG = pendingG !== null && press.timeStamp - pendingG <= SEQUENCE_MS;
    pendingG = null;
    if (!singleKeys || press.ctrlKey || press.metaKey || press.altKey) return null;
    if (afterG && press.key === 'a') return 'apps';
    if (afterG && press.key === 'o') return 'overview';
    if (press.key === 'g') pendingG = press.timeStamp;
    if (press.key === '?') return 'sheet';
    if (press.key === '/') return 'search';
    if (press.key === 'n') return 'new-secret';
    return null;
  };
}

/** Typing into something, or inside a dialog, menu or listbox: single keys belong to it. */
export function isOwnedByFocus(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[role="dialog"], [role="menu"], [role="listbox"], [role="alertdialog"]') !== null;
}

/** Listens on the document; `onShortcut` returns false when the shortcut does not apply here. */
export function useShortcuts(singleKeys: boolean, onShortcut: (action: ShortcutAction) => boolean): void {
  const latest = useRef({ singleKeys, onShortcut });
  useEffect(() => {
    latest.current = { singleKeys, onShortcut };
  });
  useEffect(() => {
    const read = createShortcutReader();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat) return;
      const action = read(event, latest.current.singleKeys && !isOwnedByFocus(event.target));
      if (action && latest.current.onShortcut(action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
