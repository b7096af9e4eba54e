import { useSyncExternalStore } from 'react';
import { createListeners } from './listeners';

/**
 * Presentation mode, for sharing the screen: masked previews are not drawn and nothing can be
 * revealed; turning it on hides every revealed value. In memory only: a reload starts without it.
 */
let presenting = false;
const listeners = createListeners();

export const presentationMode = {
  get: () => presenting,
  set(on: boolean): void {
    if (presenting === on) return;
    presenting = on;
    listeners.emit();
  },
  subscribe: listeners.subscribe,
};

export function usePresentationMode(): boolean {
  return useSyncExternalStore(presentationMode.subscribe, presentationMode.get, presentationMode.get);
}

/** The mask drawn instead of a preview while presenting: the same for every value. */
export const PRESENTATION_MASK = '••••••••';
