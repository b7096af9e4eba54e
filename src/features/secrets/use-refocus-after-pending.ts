import { useEffect, useRef } from 'react';

/**
 * A submit button disabled while its request runs loses focus (the dialog's container gets it),
 * so a keyboard user who pressed Enter lands nowhere when the request fails. When `pending` ends,
 * this puts focus back on the element given the ref (the submit button: Enter retries), but only if
 * focus was lost, never taking it from where the user or an `autoFocus` put it.
 */
export function useRefocusAfterPending<T extends HTMLElement>(pending: boolean) {
  const ref = useRef<T | null>(null);
  const wasPending = useRef(false);
  useEffect(() => {
    if (pending) {
      wasPending.current = true;
      return;
    }
    if (!wasPending.current) return;
    wasPending.current = false;
    const target = ref.current;
    if (!target?.isConnected) return;
    const active = document.activeElement;
    const lost = active === null || active === document.body || (active !== target && active.contains(target));
    if (lost) target.focus();
  }, [pending]);
  return ref;
}
