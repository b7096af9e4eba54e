/**
 * What the page shown offers to the command palette and the keyboard shortcuts: each page
 * registers the actions it has (only while they are available), and the palette runs them. One
 * registry, so a palette entry and its button always do the same thing.
 */
import { useEffect, useRef } from 'react';
import { createListeners } from './listeners';

export type PageCommandId =
  | 'new-secret'
  | 'import'
  | 'export'
  | 'use-locally'
  | 'reveal-all'
  | 'hide-all'
  | 'compare'
  | 'settings'
  | 'focus-search';

const commands = new Map<PageCommandId, () => void>();
/** The ids registered now: a new set on each change (a snapshot for useSyncExternalStore). */
let available: ReadonlySet<PageCommandId> = new Set();
const listeners = createListeners();
const changed = () => {
  available = new Set(commands.keys());
  listeners.emit();
};

export const pageCommands = {
  available: (): ReadonlySet<PageCommandId> => available,
  /** Runs a registered command; false when the page does not offer it. */
  run(id: PageCommandId): boolean {
    const command = commands.get(id);
    command?.();
    return command !== undefined;
  },
  register(id: PageCommandId, run: () => void): () => void {
    commands.set(id, run);
    changed();
    return () => {
      if (commands.get(id) !== run) return;
      commands.delete(id);
      changed();
    };
  },
  subscribe: listeners.subscribe,
};

/** Offers `id` while `available`; `run` is read when it runs (it may change every render). */
export function usePageCommand(id: PageCommandId, available: boolean, run: () => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!available) return;
    return pageCommands.register(id, () => latest.current());
  }, [id, available]);
}

