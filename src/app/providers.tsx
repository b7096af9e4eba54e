import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import createCache from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { ThemeProvider } from '@mui/material/styles';
import { COLOR_SCHEME_STORAGE_KEY, MODE_STORAGE_KEY, theme } from '@/components/mui/theme';
import { cspNonce } from './csp-nonce';
import './baseline.css';

/**
 * Emotion's style cache, for every MUI style: its <style> elements carry the page's nonce (a
 * strict style-src allows them) and go first in <head>, so the plain stylesheets can override them.
 */
const styleCache = createCache({ key: 'css', nonce: cspNonce(), prepend: true });

/**
 * Everything above the router: the query cache, the style cache and MUI's theme (light/dark from
 * the stored choice, as public/color-scheme.js applied it before the first paint: `noSsr` reads it
 * on the first render rather than after).
 */
export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CacheProvider value={styleCache}>
        <ThemeProvider theme={theme} defaultMode="system" modeStorageKey={MODE_STORAGE_KEY} colorSchemeStorageKey={COLOR_SCHEME_STORAGE_KEY} disableTransitionOnChange noSsr>
          {children}
        </ThemeProvider>
      </CacheProvider>
    </QueryClientProvider>
  );
}
