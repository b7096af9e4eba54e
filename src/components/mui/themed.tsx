/**
 * MUI's theme around the parts that use MUI components (dialogs, menus, the pages other than the
 * secrets list). Loaded with them, never on the secrets page's first render (#6). It injects the
 * theme's CSS variables (src/app/theme-vars.css holds, statically, those the plain styles use);
 * the light/dark class on <html> belongs to src/lib/color-scheme.ts, which this provider reads
 * and changes through its storage manager but does not set itself.
 */
import type { ReactNode } from 'react';
import { ThemeProvider } from '@mui/material/styles';
import { muiColorSchemeStorage, MODE_STORAGE_KEY } from '@/lib/color-scheme';
import { theme } from './theme';

export function Themed({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider
      theme={theme}
      defaultMode="system"
      modeStorageKey={MODE_STORAGE_KEY}
      storageManager={muiColorSchemeStorage}
      colorSchemeNode={null}
    >
      {children}
    </ThemeProvider>
  );
}
