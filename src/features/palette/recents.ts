/**
 * The palette's memory, in this page only (never storage) and cleared on sign-out: the last
 * choices, listed first when the box is empty, and the apps opened in this tab (offered when the
 * apps listing has not been read). Both hold names and ids, never a value.
 */
import { createListeners } from '@/lib/listeners';
import type { PaletteItem } from './palette-model';

const MAX_RECENT = 8;
const MAX_OPENED_APPS = 50;

let recent: readonly PaletteItem[] = [];
let openedApps: readonly { id: string; name: string }[] = [];
const listeners = createListeners();

export const paletteMemory = {
  recent: () => recent,
  openedApps: () => openedApps,
  /** A choice made in the palette (an action is offered again only where it applies). */
  remember(item: PaletteItem): void {
    recent = [item, ...recent.filter((other) => other.id !== item.id)].slice(0, MAX_RECENT);
    listeners.emit();
  },
  appOpened(app: { id: string; name: string }): void {
    if (openedApps[0]?.id === app.id && openedApps[0].name === app.name) return;
    openedApps = [app, ...openedApps.filter((other) => other.id !== app.id)].slice(0, MAX_OPENED_APPS);
    listeners.emit();
  },
  clear(): void {
    recent = [];
    openedApps = [];
    listeners.emit();
  },
  subscribe: listeners.subscribe,
};
