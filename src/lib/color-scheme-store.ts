/**
 * Light or dark: the user's choice ('system' follows the operating system), kept in
 * localStorage (nothing secret) and applied as the `light`/`dark` class on <html>, which selects
 * the theme's variables (src/app/theme-vars.css). Owned here rather than by MUI's provider so
 * that the first page paints in the right scheme without loading MUI; MUI's providers read and
 * change it through `muiColorSchemeStorage`.
 *
 * No React here: the entry chunk imports this module, so the first paint (first-paint.ts) already
 * has the right scheme; `useColorScheme` (color-scheme.ts) is the hook over it.
 */
export const MODE_STORAGE_KEY = 'secrets-dashboard.theme';
export type ColorMode = 'light' | 'dark' | 'system';
export type ColorScheme = 'light' | 'dark';

function isMode(value: unknown): value is ColorMode {
  return value === 'light' || value === 'dark' || value === 'system';
}

function readMode(): ColorMode {
  try {
    // Inside the try: with site data blocked, merely reading `localStorage` throws.
    if (typeof localStorage === 'undefined') return 'system';
    const stored = localStorage.getItem(MODE_STORAGE_KEY);
    return isMode(stored) ? stored : 'system';
  } catch {
    return 'system';
  }
}

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

export interface ColorSchemeState {
  mode: ColorMode;
  systemScheme: ColorScheme;
  scheme: ColorScheme;
}

function stateOf(mode: ColorMode): ColorSchemeState {
  const systemScheme: ColorScheme = darkQuery?.matches ? 'dark' : 'light';
  return { mode, systemScheme, scheme: mode === 'system' ? systemScheme : mode };
}

let state = stateOf(readMode());
const listeners = new Set<() => void>();

function apply() {
  if (typeof document === 'undefined') return;
  const root = document.documentElement.classList;
  root.remove(state.scheme === 'dark' ? 'light' : 'dark');
  root.add(state.scheme);
}

function update(mode: ColorMode) {
  const next = stateOf(mode);
  if (next.mode === state.mode && next.scheme === state.scheme && next.systemScheme === state.systemScheme) return;
  state = next;
  apply();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

apply();
darkQuery?.addEventListener('change', () => update(state.mode));
// Another tab changed it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === MODE_STORAGE_KEY) update(isMode(event.newValue) ? event.newValue : 'system');
  });
}

export const colorSchemeStore = {
  get: (): ColorSchemeState => state,
  subscribe,
  setMode(mode: ColorMode) {
    try {
      localStorage.setItem(MODE_STORAGE_KEY, mode);
    } catch {
      // Storage unavailable: the choice lasts for this page.
    }
    update(mode);
  },
};

/**
 * A storage manager for MUI's ThemeProvider (its `storageManager` prop): the mode is this
 * store's; the scheme names per mode are fixed ('light', 'dark').
 */
export function muiColorSchemeStorage({ key }: { key: string }) {
  if (key === MODE_STORAGE_KEY) {
    return {
      get: () => state.mode,
      set: (value: string | null) => colorSchemeStore.setMode(isMode(value) ? value : 'system'),
      subscribe: (handler: (value: string | null) => void) => subscribe(() => handler(state.mode)),
    };
  }
  return {
    get: (fallback: string | null | undefined) => fallback,
    set: () => {},
    subscribe: () => () => {},
  };
}
