// First: config, session, QueryClient and the early data requests, before React DOM and the router.
import { config, queryClient } from '@/app/early-data';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from '@/app/providers';
import { createAppRouter } from '@/app/router';

if (config.demo) {
  // The fake API and its demo data: a lazy chunk, loaded only in demo mode.
  const { startDemoWorker } = await import('../mocks/browser.ts');
  await startDemoWorker();
}

const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
