/**
 * The subscribe-and-notify half of the app's small in-memory stores (read with
 * useSyncExternalStore or as events): one copy for all of them.
 */
export interface Listeners<Args extends unknown[] = []> {
  /** Adds `listener`; returns the function that removes it. */
  subscribe(listener: (...args: Args) => void): () => void;
  /** Calls every listener, in the order they subscribed. */
  emit(...args: Args): void;
}

export function createListeners<Args extends unknown[] = []>(): Listeners<Args> {
  const listeners = new Set<(...args: Args) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    emit(...args) {
      for (const listener of listeners) listener(...args);
    },
  };
}
