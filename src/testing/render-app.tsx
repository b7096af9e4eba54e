/**
 * Renders the real app (routes, loaders, providers) in a memory router against the fake API,
 * with a fresh QueryClient that does not retry. Use with `useFakeApi()` in the test file.
 */
import { render } from '@testing-library/react';
import { RouterProvider } from 'react-router';
import { createQueryClient } from '@/api/query-client';
import { reportBackgroundError } from '@/lib/background-errors';
import { preferencesStore } from '@/lib/preferences';
import { AppProviders } from '@/app/providers';
import { createTestRouter } from '@/app/router';
import { sessionStore } from '@/features/session/session-store';
import { createFakeServer, type FakeServer, type FakeServerOptions } from '../../mocks/node.ts';

export const TEST_API_BASE = 'http://localhost/api';
export { FAKE_TOKENS } from '../../mocks/auth.ts';

/**
 * Starts the fake API for the file (msw `setupServer`, unhandled requests are errors),
 * resets its data, faults and the session after each test.
 */
export function useFakeApi(options: FakeServerOptions = {}): FakeServer {
  const fake = createFakeServer({ baseUrl: TEST_API_BASE, ...options });
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    fake.server.resetHandlers();
    fake.reset();
    sessionStore.signOut();
    sessionStorage.clear();
    preferencesStore.reset();
  });
  afterAll(() => fake.server.close());
  return fake;
}

export interface RenderAppOptions {
  /** Signs in with this token first (default demo-token); null: signed out. */
  token?: string | null;
  writeToken?: string;
}

export function renderApp(path: string, { token = 'demo-token', writeToken }: RenderAppOptions = {}) {
  if (token) sessionStore.signIn({ baseUrl: TEST_API_BASE, readToken: token, writeToken, demo: false });
  const queryClient = createQueryClient({ retry: false, onBackgroundError: reportBackgroundError });
  const router = createTestRouter(queryClient, [path]);
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, queryClient, router };
}
