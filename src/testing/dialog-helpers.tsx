/**
 * Renders one dialog (or the small host that opens it) alone: the app's providers, a fresh
 * QueryClient that does not retry and a memory router, against the fake API (`useFakeApi()` in
 * the test file). Much cheaper than the whole app: no routes, loaders or secrets table.
 */
import type { ReactElement } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Environment } from '@/api/contract';
import { createQueryClient } from '@/api/query-client';
import { AppProviders } from '@/app/providers';
import { ToastQueueProvider } from '@/components/toast-queue';
import { sessionStore } from '@/features/session/session-store';
import { setupUser } from './browse-helpers';
import { APP } from './edit-helpers';
import { TEST_API_BASE } from './fake-api';
import type { FakeServer } from '../../mocks/node.ts';

export { WRITE_RESPONSES } from '../../mocks/context.ts';

/** Where the dialog is rendered; any other path is another page (a navigation leaves the dialog). */
export const DIALOG_PATH = '/dialog';

export const secretHref = (secretId: string) => `/apps/${APP}/secrets/${secretId}`;

export interface RenderDialogOptions {
  /** Signs in with this token (default demo-token: read and write). */
  token?: string;
}

export function renderDialog(element: ReactElement, { token = 'demo-token' }: RenderDialogOptions = {}) {
  // The same token for writes: the dialogs' tests check what the server answers to it.
  sessionStore.signIn({ baseUrl: TEST_API_BASE, readToken: token, writeToken: token, demo: false });
  const queryClient = createQueryClient({ retry: false });
  const router = createMemoryRouter(
    [
      // The app's toast queue sits in its root route, inside the router, as here.
      { path: DIALOG_PATH, element: <ToastQueueProvider>{element}</ToastQueueProvider> },
      { path: '*', element: <h1>Another page</h1> },
    ],
    { initialEntries: [DIALOG_PATH] },
  );
  const user = setupUser();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, queryClient, router };
}

/** The fake's environment with this id. */
export function environment(fake: FakeServer, envId: string): Environment {
  const env = fake.store.getEnvironment(envId);
  if (!env) throw new Error(`no environment ${envId}`);
  return env;
}

/** Waits until no dialog is open. */
export async function waitForNoDialog(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}
