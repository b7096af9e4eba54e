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

/** A page's own labelled actions, several of a kind (e.g. "Set value in Production" on a secret's page). */
export interface PageAction {
  /** Unique on the page. */
  key: string;
  /** The name of the button it stands for. */
  label: string;
  run: () => void;
}

const ownedActions = new Map<object, readonly PageAction[]>();
let actionList: readonly PageAction[] = [];
const actionListeners = createListeners();

export const pageActions = {
  list: (): readonly PageAction[] => actionList,
  run(key: string): boolean {
    const action = actionList.find((candidate) => candidate.key === key);
    action?.run();
    return action !== undefined;
  },
  subscribe: actionListeners.subscribe,
};

function setOwned(owner: object, actions: readonly PageAction[] | null) {
  if (actions) ownedActions.set(owner, actions);
  else ownedActions.delete(owner);
  actionList = [...ownedActions.values()].flat();
  actionListeners.emit();
}

/** Offers `actions` while mounted; registered again only when their keys or labels change. */
export function usePageActions(actions: readonly PageAction[]): void {
  const owner = useRef({});
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const signature = actions.map((action) => `${action.key}\u0000${action.label}`).join('\n');
  useEffect(() => {
    const keys = signature ? signature.split('\n').map((line) => line.split('\u0000') as [string, string]) : [];
    const current = owner.current;
    setOwned(
      current,
      keys.map(([key, label]) => ({ key, label, run: () => latest.current.find((action) => action.key === key)?.run() })),
    );
    return () => setOwned(current, null);
  }, [signature]);
}
