/**
 * A page's own labelled actions for the command palette, several of a kind (e.g. one per environment
 * on a secret's page); the fixed ones that shortcuts also run are page-commands.ts. Kept apart so
 * that the first page does not load it.
 */
import { useEffect, useRef } from 'react';
import { createListeners } from './listeners';

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
