/**
 * The dialogs that hold typed input not yet saved, by name (e.g. "New secret"): the session's
 * timeout warning names them, and a 401 while one is open asks for the token again instead of
 * leaving the page.
 */
import { createListeners } from './listeners';

const holders = new Map<symbol, string>();
const listeners = createListeners();
let snapshot: readonly string[] = [];

function emit() {
  snapshot = [...holders.values()];
  listeners.emit();
}

export const unsavedInput = {
  /** Marks `name` as holding unsaved input until the returned function is called. */
  hold(name: string): () => void {
    const key = Symbol(name);
    holders.set(key, name);
    emit();
    return () => {
      if (holders.delete(key)) emit();
    };
  },
  /** The names of the dialogs holding unsaved input, in the order they opened (same array until it changes). */
  names: (): readonly string[] => snapshot,
  any: (): boolean => holders.size > 0,
  subscribe: listeners.subscribe,
};
