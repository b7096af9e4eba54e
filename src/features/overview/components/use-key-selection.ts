import { useCallback, useMemo, useState } from 'react';
import type { CopyKey } from '../copy-model';

/**
 * The overview's selected keys (for copying values), as state rather than in the DOM: the rows are
 * virtualized, so a checkbox scrolled away keeps its state here. Cleared when the app changes.
 */
export interface KeySelection {
  /** Selected keys with their secret's id, in the order selected. */
  selected: ReadonlyMap<string, string>;
  toggle: (row: CopyKey) => void;
  /** Selects every row given (on) or unselects them (off). */
  setMany: (rows: readonly CopyKey[], on: boolean) => void;
}

const EMPTY: ReadonlyMap<string, string> = new Map();

export function useKeySelection(scope: string): KeySelection {
  const [state, setState] = useState<{ scope: string; selected: ReadonlyMap<string, string> }>({ scope, selected: EMPTY });
  const selected = state.scope === scope ? state.selected : EMPTY;
  const update = useCallback(
    (change: (next: Map<string, string>) => void) =>
      setState((prev) => {
        const next = new Map(prev.scope === scope ? prev.selected : EMPTY);
        change(next);
        return { scope, selected: next };
      }),
    [scope],
  );
  const toggle = useCallback(
    ({ key, secretId }: CopyKey) =>
      update((next) => {
        if (!next.delete(key)) next.set(key, secretId);
      }),
    [update],
  );
  const setMany = useCallback(
    (rows: readonly CopyKey[], on: boolean) =>
      update((next) => {
        for (const { key, secretId } of rows) {
          if (on) next.set(key, secretId);
          else next.delete(key);
        }
      }),
    [update],
  );
  return useMemo(() => ({ selected, toggle, setMany }), [selected, toggle, setMany]);
}
