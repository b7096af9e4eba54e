/**
 * The palette's recent choices, listed first when the box is empty: in this page's memory only
 * (never storage), names and ids only (never a value), forgotten when the session ends. Loaded with
 * the palette: a tab that never opened it has nothing to forget.
 */
import { apiClient } from '@/api/client';
import { createListeners } from '@/lib/listeners';
import type { PaletteItem } from './palette-model';

const MAX_RECENT = 8;

let recent: readonly PaletteItem[] = [];
const listeners = createListeners();

export const paletteMemory = {
  recent: () => recent,
  /** A choice made in the palette (an action is offered again only where it applies). */
  remember(item: PaletteItem): void {
    recent = [item, ...recent.filter((other) => other.id !== item.id)].slice(0, MAX_RECENT);
    listeners.emit();
  },
  clear(): void {
    recent = [];
    listeners.emit();
  },
  subscribe: listeners.subscribe,
};

// Sign-out, a timeout or a refused token: the session is gone, and the choices with it.
apiClient.onSessionChange(() => {
  if (apiClient.session === null) paletteMemory.clear();
});
