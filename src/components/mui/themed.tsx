/**
 * MUI's theme around the parts that use MUI components (dialogs, menus, the pages other than the
 * secrets list). Loaded with them, never on the secrets page's first render (#6). The theme's CSS
 * variables are a static stylesheet (src/app/theme-vars.css) and the light/dark class on <html>
 * belongs to src/lib/color-scheme.ts: this provider neither injects the one nor sets the other.
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
      disableStyleSheetGeneration
    >
      {children}
    </ThemeProvider>
  );
}
