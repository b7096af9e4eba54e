import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '@/api/query-client';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { sessionStore } from '@/features/session/session-store';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { AppLayout } from './app-layout';
import { AppProviders } from './providers';

afterEach(() => {
  sessionStore.signOut();
  sessionStorage.clear();
});

it('a timeout signs out from a page holding unsaved input: data and revealed values cleared, sign-in says why and leads back', async () => {
  sessionStore.signIn({ baseUrl: '/api', readToken: 'read-token-0123', demo: false });
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData(['revealed', 'app_payments', 'env_prod', { names: ['API_KEY'] }], { API_KEY: 'clear-value' });
  queryClient.setQueryData(['apps', 'list'], [{ id: 'app_payments' }]);
  const clearClipboard = vi.spyOn(clipboardGuard, 'clearNow');
  const router = createMemoryRouter(
    [
      { path: '/sign-in', lazy: () => import('./routes/sign-in-route') },
      // A page with a dialog's guard armed: its blocker must not keep the user on a page without a session.
      { element: <AppLayout />, children: [{ path: '/apps', element: <UnsavedChangesGuard dirty /> }] },
    ],
    { initialEntries: ['/apps?q=api'] },
  );
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  await screen.findByRole('button', { name: 'Sign out' });

  act(() => sessionStore.end('idle'));

  expect(await screen.findByText('You were signed out after 15 minutes without activity. Sign in again to continue where you were.')).toBeVisible();
  expect(router.state.location.pathname).toBe('/sign-in');
  expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/apps?q=api')}`);
  expect(queryClient.getQueryCache().getAll()).toEqual([]);
  expect(clearClipboard).toHaveBeenCalled();
  expect(screen.queryByRole('dialog', { name: 'Leave with unsaved changes?' })).toBeNull();
  expect(screen.getByText(/Your tokens are kept in this tab's session storage until you sign out/)).toBeVisible();
});
