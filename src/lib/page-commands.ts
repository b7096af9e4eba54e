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
  | 'settings'
  | 'focus-search';

const commands = new Map<PageCommandId, () => void>();
const listeners = createListeners();

export const pageCommands = {
  /** The ids registered now. */
  available: (): ReadonlySet<PageCommandId> => new Set(commands.keys()),
  /** Runs a registered command; false when the page does not offer it. */
  run(id: PageCommandId): boolean {
    const command = commands.get(id);
    command?.();
    return command !== undefined;
  },
  register(id: PageCommandId, run: () => void): () => void {
    commands.set(id, run);
    listeners.emit();
    return () => {
      if (commands.get(id) !== run) return;
      commands.delete(id);
      listeners.emit();
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
