import { useEffect, useSyncExternalStore } from 'react';
import { unsavedInput } from './unsaved-input';

/** While `dirty`, registers `name` as a dialog holding unsaved input (see unsaved-input.ts). */
export function useHoldUnsavedInput(name: string, dirty: boolean): void {
  useEffect(() => (dirty ? unsavedInput.hold(name) : undefined), [name, dirty]);
}

/** The names of the dialogs holding unsaved input now. */
export function useUnsavedInputNames(): readonly string[] {
  return useSyncExternalStore(unsavedInput.subscribe, unsavedInput.names, unsavedInput.names);
}
