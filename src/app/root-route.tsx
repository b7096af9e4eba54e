/**
 * The root route's module, loaded lazily: MUI, the theme and the error view are not in the
 * first page's bundle. Loaders of child routes start while this chunk downloads.
 */
import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import './baseline.css';
import { BackgroundErrors } from './background-errors';
import { RouteError } from './route-error';

function Themed({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider theme={theme} defaultMode="system" modeStorageKey="secrets-dashboard.theme" colorSchemeStorageKey="secrets-dashboard.color-scheme">
      {children}
    </ThemeProvider>
  );
}

export function Component() {
  return (
    <Themed>
      <Outlet />
      <BackgroundErrors />
    </Themed>
  );
}

export function ErrorBoundary() {
  return (
    <Themed>
      <RouteError />
    </Themed>
  );
}
