/**
 * The entry: runtime config (set by /app-config.js, which index.html runs first), the stored
 * session, the query cache and — in the demo — the fake API, then the app. The router starts the
 * first page's loaders as soon as it is created. Inside another page's frame, none of it: only a
 * way out (framed-notice.tsx).
 */
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { apiClient } from '@/api/client';
import { createQueryClient } from '@/api/query-client';
import { readRuntimeConfig } from '@/config/runtime-config';
import { sessionStore } from '@/features/session/session-store';
import { reportBackgroundError } from '@/lib/background-errors';
import { AppProviders } from '@/app/providers';
import { createAppRouter } from '@/app/router';
import { FramedNotice, isFramed } from '@/app/framed-notice';

/** Starts the app — in the demo, once the fake API is answering. Not a top-level await: the demo
 * chunk imports modules of the entry's chunk, which would then wait for each other. */
async function start(root: Root): Promise<void> {
  // Parsed, never trusted: a missing or invalid config means the real API at /api.
  const config = readRuntimeConfig();
  apiClient.setTimeoutMs(config.requestTimeoutMs);
  sessionStore.restore();
  const queryClient = createQueryClient({ onBackgroundError: reportBackgroundError });
  let demoNotice: ReactNode = null;
  if (config.demo) {
    // The fake API and its demo data: lazy chunks, loaded only in demo mode, before any request.
    const [{ startDemoWorker, ensureDemoWorkerServing }, { fetchWhenServing }, { DemoApiLostNotice }] = await Promise.all([
      import('../mocks/browser.ts'),
      import('@/lib/demo-api-status'),
      import('@/app/demo-api-lost-notice'),
    ]);
    await startDemoWorker(config.demoLatencyMs === undefined ? {} : { latencyMs: config.demoLatencyMs });
    // Each request waits until the fake serves the page again (it can stop while the tab stays).
    apiClient.setFetch(fetchWhenServing(ensureDemoWorkerServing));
    demoNotice = <DemoApiLostNotice />;
  }
  const router = createAppRouter(queryClient);
  root.render(
    <StrictMode>
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
        {demoNotice}
      </AppProviders>
    </StrictMode>,
  );
}

const root = createRoot(document.getElementById('root')!);
if (isFramed()) {
  // Framed by another page: no session, no request, only a way out.
  root.render(
    <AppProviders queryClient={createQueryClient()}>
      <FramedNotice />
    </AppProviders>,
  );
} else {
  void start(root);
}
