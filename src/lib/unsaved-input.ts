/**
 * The dialogs that hold typed input not yet saved, by name (e.g. "New secret"): the session's
 * timeout warning names them, and a 401 while one is open asks for the token again instead of
 * leaving the page.
 */
type Listener = () => void;

const holders = new Map<symbol, string>();
const listeners = new Set<Listener>();
let snapshot: readonly string[] = [];

function emit() {
  snapshot = [...holders.values()];
  for (const listener of listeners) listener();
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
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
