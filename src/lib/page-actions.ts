/**
 * A page's own labelled actions for the command palette, several of a kind (e.g. "Set value in
 * Production" on a secret's page), in the page-commands registry. Apart from it so that the first
 * page does not load it.
 */
import { useEffect, useRef } from 'react';
import { pageCommands } from './page-commands';

export interface PageAction {
  /** Unique on the page. */
  key: string;
  /** The name of the button it stands for. */
  label: string;
  run: () => void;
}

/** Offers `actions` while mounted; registered again only when their keys or labels change. */
export function usePageActions(actions: readonly PageAction[]): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const signature = actions.map((action) => `${action.key}\u0000${action.label}`).join('\n');
  useEffect(() => {
    const offered = signature ? signature.split('\n').map((line) => line.split('\u0000') as [string, string]) : [];
    const unregister = offered.map(([key, label]) => pageCommands.register(key, () => latest.current.find((action) => action.key === key)?.run(), label));
    return () => unregister.forEach((remove) => remove());
  }, [signature]);
}
