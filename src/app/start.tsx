/**
 * The app itself: config, session, QueryClient (early-data.ts), React DOM, the router and the
 * pages the main bundle holds. main.tsx imports it once the first page's data requests have left
 * (early-requests.ts); index.html preloads it alongside the entry, so both download at once
 * (vite.config.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { config, firstRenderMayStart, queryClient } from './early-data';
import { AppProviders } from './providers';
import { createAppRouter } from './router';

export async function startApp(): Promise<void> {
  if (config.demo) {
    // The fake API and its demo data: a lazy chunk, loaded only in demo mode.
    const { startDemoWorker } = await import('../../mocks/browser.ts');
    await startDemoWorker();
  }
  // Made (and its loaders started) while the first page's data is on its way.
  const router = createAppRouter(queryClient);
  await firstRenderMayStart;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}
