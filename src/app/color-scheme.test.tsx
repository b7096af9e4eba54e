import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { MODE_STORAGE_KEY } from '@/components/mui/theme';
import { ThemeSwitch } from '@/components/theme-switch';
import { AppProviders } from './providers';

/** public/color-scheme.js, which index.html runs before the page is drawn. */
const SCRIPT = readFileSync(join(process.cwd(), 'public', 'color-scheme.js'), 'utf8');
const runScript = () => new Function(SCRIPT)() as void;

const htmlClasses = () => Array.from(document.documentElement.classList).sort();

/** The operating system's scheme as matchMedia reports it (jsdom has none). */
function systemScheme(scheme: 'light' | 'dark') {
  vi.stubGlobal('matchMedia', (media: string) => ({
    media,
    matches: media === '(prefers-color-scheme: dark)' && scheme === 'dark',
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function renderSwitch() {
  return render(
    <AppProviders queryClient={new QueryClient()}>
      <ThemeSwitch />
    </AppProviders>,
  );
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.className = '';
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  document.documentElement.className = '';
});

describe('colour scheme', () => {
  it('the choice made with the toggle is the class the script sets on the next load', async () => {
    systemScheme('light');
    const user = userEvent.setup();
    const { unmount } = renderSwitch();
    expect(htmlClasses()).toEqual(['light']);
    await user.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(htmlClasses()).toEqual(['dark']);
    expect(localStorage.getItem(MODE_STORAGE_KEY)).toBe('dark');
    unmount();

    document.documentElement.className = 'light';
    runScript();
    expect(htmlClasses()).toEqual(['dark']);
  });

  it('the app starts in the stored scheme: the first render already offers the other one', () => {
    systemScheme('light');
    localStorage.setItem(MODE_STORAGE_KEY, 'dark');
    renderSwitch();
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
  });

  it('with no choice stored, the script follows the system', () => {
    systemScheme('dark');
    runScript();
    expect(htmlClasses()).toEqual(['dark']);
    systemScheme('light');
    localStorage.setItem(MODE_STORAGE_KEY, 'system');
    runScript();
    expect(htmlClasses()).toEqual(['light']);
  });

  it('with storage blocked, the script leaves the page as it is and does not throw', () => {
    systemScheme('dark');
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(runScript).not.toThrow();
    expect(htmlClasses()).toEqual([]);
  });
});
