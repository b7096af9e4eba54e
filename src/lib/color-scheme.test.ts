import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createElement } from 'react';
import type * as ColorSchemeModule from './color-scheme';

const KEY = 'secrets-dashboard.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A MediaQueryList whose `matches` the test changes (jsdom has no matchMedia). */
class FakeMediaQueryList {
  readonly listeners = new Set<(event: MediaQueryListEvent) => void>();
  constructor(
    readonly media: string,
    public matches: boolean,
  ) {}
  addEventListener(type: string, listener: (event: MediaQueryListEvent) => void) {
    if (type === 'change') this.listeners.add(listener);
  }
  removeEventListener(type: string, listener: (event: MediaQueryListEvent) => void) {
    if (type === 'change') this.listeners.delete(listener);
  }
  /** The operating system switched its scheme. */
  change(matches: boolean) {
    this.matches = matches;
    const event = { matches, media: this.media } as MediaQueryListEvent;
    act(() => {
      for (const listener of this.listeners) listener(event);
    });
  }
}

let query: FakeMediaQueryList | null = null;
/** The module's `storage` listeners, removed after each test (each import adds one to window). */
let storageListeners: EventListenerOrEventListenerObject[] = [];
const addEventListener = window.addEventListener.bind(window);

/** Imports a fresh copy of the module, with the system in `systemDark` and localStorage as given. */
async function load({ systemDark = false, stored }: { systemDark?: boolean; stored?: string } = {}): Promise<typeof ColorSchemeModule> {
  if (stored !== undefined) localStorage.setItem(KEY, stored);
  vi.stubGlobal(
    'matchMedia',
    vi.fn((media: string) => {
      query = new FakeMediaQueryList(media, media === DARK_QUERY && systemDark);
      return query;
    }),
  );
  vi.resetModules();
  return import('./color-scheme');
}

const htmlClasses = () => Array.from(document.documentElement.classList).sort();

function sendStorageEvent(key: string | null, newValue: string | null) {
  act(() => {
    window.dispatchEvent(new StorageEvent('storage', { key, newValue }));
  });
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
  query = null;
  storageListeners = [];
  vi.spyOn(window, 'addEventListener').mockImplementation((type, listener, options) => {
    if (type === 'storage' && listener) storageListeners.push(listener);
    addEventListener(type, listener, options);
  });
});

afterEach(() => {
  for (const listener of storageListeners) window.removeEventListener('storage', listener);
  vi.unstubAllGlobals();
  localStorage.clear();
  document.documentElement.className = '';
});

describe('color scheme store', () => {
  it('uses the shared storage key', async () => {
    const { MODE_STORAGE_KEY } = await load();
    expect(MODE_STORAGE_KEY).toBe(KEY);
  });

  it("defaults to 'system' and follows a dark system scheme", async () => {
    const { colorSchemeStore } = await load({ systemDark: true });
    expect(query?.media).toBe(DARK_QUERY);
    expect(colorSchemeStore.get()).toEqual({ mode: 'system', systemScheme: 'dark', scheme: 'dark' });
    expect(htmlClasses()).toEqual(['dark']);
  });

  it("defaults to 'system' and follows a light system scheme", async () => {
    const { colorSchemeStore } = await load({ systemDark: false });
    expect(colorSchemeStore.get()).toEqual({ mode: 'system', systemScheme: 'light', scheme: 'light' });
    expect(htmlClasses()).toEqual(['light']);
  });

  it('applies a stored choice as the class on <html> at import, over the system scheme', async () => {
    document.documentElement.className = 'light';
    const { colorSchemeStore } = await load({ stored: 'dark', systemDark: false });
    expect(colorSchemeStore.get()).toEqual({ mode: 'dark', systemScheme: 'light', scheme: 'dark' });
    expect(htmlClasses()).toEqual(['dark']);
  });

  it("falls back to 'system' when the stored value is not a mode", async () => {
    const { colorSchemeStore } = await load({ stored: 'purple', systemDark: true });
    expect(colorSchemeStore.get().mode).toBe('system');
    expect(colorSchemeStore.get().scheme).toBe('dark');
    expect(htmlClasses()).toEqual(['dark']);
  });

  it('setMode persists the choice, switches the class and notifies subscribers', async () => {
    const { colorSchemeStore } = await load({ systemDark: false });
    const listener = vi.fn();
    const unsubscribe = colorSchemeStore.subscribe(listener);

    act(() => colorSchemeStore.setMode('dark'));
    expect(localStorage.getItem(KEY)).toBe('dark');
    expect(htmlClasses()).toEqual(['dark']);
    expect(colorSchemeStore.get()).toEqual({ mode: 'dark', systemScheme: 'light', scheme: 'dark' });
    expect(listener).toHaveBeenCalledTimes(1);

    act(() => colorSchemeStore.setMode('light'));
    expect(localStorage.getItem(KEY)).toBe('light');
    expect(htmlClasses()).toEqual(['light']);
    expect(listener).toHaveBeenCalledTimes(2);

    // Nothing changed: no notification.
    act(() => colorSchemeStore.setMode('light'));
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    act(() => colorSchemeStore.setMode('dark'));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(htmlClasses()).toEqual(['dark']);
  });

  it('useColorScheme re-renders a component when the mode changes', async () => {
    const { useColorScheme } = await load({ systemDark: true });
    function Probe() {
      const { mode, scheme, setMode } = useColorScheme();
      return createElement(
        'button',
        { type: 'button', onClick: () => setMode(mode === 'light' ? 'system' : 'light') },
        `${mode}: ${scheme}`,
      );
    }
    render(createElement(Probe));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'system: dark' }));
    expect(screen.getByRole('button', { name: 'light: light' })).toBeInTheDocument();
    expect(localStorage.getItem(KEY)).toBe('light');
    expect(htmlClasses()).toEqual(['light']);
    await user.click(screen.getByRole('button', { name: 'light: light' }));
    expect(screen.getByRole('button', { name: 'system: dark' })).toBeInTheDocument();
  });

  it("follows the system's change while in 'system' mode, and not after an explicit choice", async () => {
    const { colorSchemeStore } = await load({ systemDark: false });
    const listener = vi.fn();
    colorSchemeStore.subscribe(listener);

    query!.change(true);
    expect(colorSchemeStore.get()).toEqual({ mode: 'system', systemScheme: 'dark', scheme: 'dark' });
    expect(htmlClasses()).toEqual(['dark']);
    expect(listener).toHaveBeenCalledTimes(1);

    act(() => colorSchemeStore.setMode('light'));
    listener.mockClear();
    query!.change(false);
    query!.change(true);
    // The system scheme is tracked, the applied scheme stays the user's.
    expect(colorSchemeStore.get()).toEqual({ mode: 'light', systemScheme: 'dark', scheme: 'light' });
    expect(htmlClasses()).toEqual(['light']);
  });

  it('takes a change made in another tab (storage event)', async () => {
    const { colorSchemeStore } = await load({ systemDark: true });
    const listener = vi.fn();
    colorSchemeStore.subscribe(listener);

    sendStorageEvent(KEY, 'light');
    expect(colorSchemeStore.get()).toEqual({ mode: 'light', systemScheme: 'dark', scheme: 'light' });
    expect(htmlClasses()).toEqual(['light']);
    expect(listener).toHaveBeenCalledTimes(1);

    // Other keys are not ours.
    sendStorageEvent('something-else', 'dark');
    expect(colorSchemeStore.get().mode).toBe('light');
    expect(listener).toHaveBeenCalledTimes(1);

    // Removed (or not a mode) in the other tab: back to the system's scheme.
    sendStorageEvent(KEY, null);
    expect(colorSchemeStore.get()).toEqual({ mode: 'system', systemScheme: 'dark', scheme: 'dark' });
    expect(htmlClasses()).toEqual(['dark']);
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('muiColorSchemeStorage', () => {
  it('reads, writes and reports the mode through the store for the mode key', async () => {
    const { muiColorSchemeStorage, MODE_STORAGE_KEY, colorSchemeStore } = await load({ stored: 'dark' });
    const storage = muiColorSchemeStorage({ key: MODE_STORAGE_KEY });
    // The store's mode, not MUI's default.
    expect(storage.get('system')).toBe('dark');

    const handler = vi.fn();
    const unsubscribe = storage.subscribe(handler);

    act(() => storage.set('light'));
    expect(colorSchemeStore.get().mode).toBe('light');
    expect(localStorage.getItem(KEY)).toBe('light');
    expect(htmlClasses()).toEqual(['light']);
    expect(storage.get('system')).toBe('light');
    expect(handler).toHaveBeenLastCalledWith('light');

    // A change made elsewhere (the app's own menu) reaches MUI too.
    act(() => colorSchemeStore.setMode('dark'));
    expect(handler).toHaveBeenLastCalledWith('dark');

    // MUI resets with null: the default, 'system'.
    act(() => storage.set(null));
    expect(storage.get('light')).toBe('system');
    expect(localStorage.getItem(KEY)).toBe('system');
    expect(handler).toHaveBeenLastCalledWith('system');
    expect(handler).toHaveBeenCalledTimes(3);

    unsubscribe();
    act(() => colorSchemeStore.setMode('light'));
    expect(handler).toHaveBeenCalledTimes(3);
  });

  it('returns the fallback and stores nothing for any other key', async () => {
    const { muiColorSchemeStorage, colorSchemeStore } = await load({ stored: 'dark' });
    const storage = muiColorSchemeStorage({ key: 'mui-color-scheme-dark' });
    expect(storage.get('dark')).toBe('dark');
    expect(storage.get(undefined)).toBeUndefined();

    storage.set('light');
    expect(colorSchemeStore.get().mode).toBe('dark');
    expect(localStorage.getItem('mui-color-scheme-dark')).toBeNull();
    expect(localStorage.getItem(KEY)).toBe('dark');

    const handler = vi.fn();
    const unsubscribe = storage.subscribe(handler);
    act(() => colorSchemeStore.setMode('light'));
    expect(handler).not.toHaveBeenCalled();
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
  });
});
