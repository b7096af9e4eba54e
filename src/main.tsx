import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { apiClient } from '@/api/client';
import { createQueryClient } from '@/api/query-client';
import { readRuntimeConfig } from '@/config/runtime-config';
import { reportBackgroundError } from '@/lib/background-errors';
import { sessionStore } from '@/features/session/session-store';
import { AppProviders } from '@/app/providers';
import { createAppRouter } from '@/app/router';

const config = readRuntimeConfig();
apiClient.setTimeoutMs(config.requestTimeoutMs);
if (config.demo) {
  // The fake API and its demo data: a lazy chunk, loaded only in demo mode.
  const { startDemoWorker } = await import('../mocks/browser.ts');
  await startDemoWorker();
}
sessionStore.restore();

const queryClient = createQueryClient({ onBackgroundError: reportBackgroundError });
const router = createAppRouter(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
