/**
 * What the page shown offers to the command palette and the keyboard shortcuts: each page
 * registers the actions it has (only while they are available), and the palette runs them. One
 * registry, so a palette entry and its button always do the same thing. Fixed ids are the ones
 * shortcuts and the palette's own wording know; a labelled entry (page-actions.ts) is listed by
 * its label, several of a kind (e.g. one per environment on a secret's page).
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

/** What is offered now: every key, and the labelled entries in the order they came. */
export interface PageOffer {
  keys: ReadonlySet<string>;
  labelled: readonly { key: string; label: string }[];
}

const entries = new Map<string, { run: () => void; label: string | undefined }>();
/** A new object on each change (a snapshot for useSyncExternalStore). */
let offer: PageOffer = { keys: new Set(), labelled: [] };
const listeners = createListeners();
const changed = () => {
  offer = {
    keys: new Set(entries.keys()),
    labelled: [...entries].flatMap(([key, entry]) => (entry.label === undefined ? [] : [{ key, label: entry.label }])),
  };
  listeners.emit();
};

export const pageCommands = {
  offered: (): PageOffer => offer,
  /** Runs a registered command; false when the page does not offer it. */
  run(key: string): boolean {
    const entry = entries.get(key);
    entry?.run();
    return entry !== undefined;
  },
  register(key: string, run: () => void, label?: string): () => void {
    const entry = { run, label };
    entries.set(key, entry);
    changed();
    return () => {
      if (entries.get(key) !== entry) return;
      entries.delete(key);
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
