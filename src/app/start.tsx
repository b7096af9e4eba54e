/**
 * The app itself: React DOM, the router and the pages the main bundle holds. main.tsx imports it
 * after the early data requests have left (early-data.ts); index.html preloads it alongside the
 * entry, so both download at once (vite.config.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import type { QueryClient } from '@tanstack/react-query';
import type { RuntimeConfig } from '@/config/runtime-config';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

/** `renderMayStart`: see early-data.ts (the first page's data, when it is about to arrive). */
export async function startApp(config: RuntimeConfig, queryClient: QueryClient, renderMayStart: Promise<void> = Promise.resolve()): Promise<void> {
  if (config.demo) {
    // The fake API and its demo data: a lazy chunk, loaded only in demo mode.
    const { startDemoWorker } = await import('../../mocks/browser.ts');
    await startDemoWorker();
  }
  await renderMayStart;
  const router = createAppRouter(queryClient);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
