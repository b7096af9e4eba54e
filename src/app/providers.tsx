import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { BackgroundErrors } from './background-errors';

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme} defaultMode="system" modeStorageKey="secrets-dashboard.theme" colorSchemeStorageKey="secrets-dashboard.color-scheme">
        <CssBaseline enableColorScheme />
        {children}
        <BackgroundErrors />
      </ThemeProvider>
    </QueryClientProvider>
  );
}

