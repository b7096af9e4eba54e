/** The colour scheme for React components: the store (color-scheme-store.ts) and its hook. */
import { useSyncExternalStore } from 'react';
import { colorSchemeStore, type ColorMode, type ColorSchemeState } from './color-scheme-store';

export * from './color-scheme-store';

export function useColorScheme(): ColorSchemeState & { setMode: (mode: ColorMode) => void } {
  const current = useSyncExternalStore(colorSchemeStore.subscribe, colorSchemeStore.get, colorSchemeStore.get);
  return { ...current, setMode: colorSchemeStore.setMode };
}
