import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createQueryClient } from '@/api/query-client';
import { ToastQueueProvider } from '@/components/toast-queue';
import { SetValueHost } from '@/features/secrets/components/set-value-host';
import { sessionStore } from '@/features/session/session-store';
import { quietActWarnings, setupUser } from '@/testing/browse-helpers';
import { environment, waitForNoDialog } from '@/testing/dialog-helpers';
import { APP, secretId, storedValue } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { AppProviders } from './providers';
import { ReauthHost } from './reauth-host';

const fake = useFakeApi();
quietActWarnings();

/** The set-value dialog open on a page of APP, with the signed-in frame's prompt host beside it. */
function Page() {
  const [open, setOpen] = useState(true);
  const target = { secretId: secretId(fake, 'ADMIN_USERNAME'), secretName: 'ADMIN_USERNAME', environment: environment(fake, 'env_dev') };
  return (
    <ToastQueueProvider>
      <SetValueHost appId={APP} target={open ? target : null} onClose={() => setOpen(false)} secretHref={(id) => `/apps/${APP}/secrets/${id}`} />
      <ReauthHost />
    </ToastQueueProvider>
  );
}

describe('re-authentication over a write dialog', { timeout: 30_000 }, () => {
  it('asks for the refused token over the dialog, keeps a wrong one out, then the kept value saves', async () => {
    sessionStore.signIn({ baseUrl: TEST_API_BASE, readToken: 'demo-token', writeToken: 'demo-token', demo: false });
    const queryClient = createQueryClient({ retry: false });
    const router = createMemoryRouter([{ path: '/apps/:appId/edit', element: <Page /> }], { initialEntries: [`/apps/${APP}/edit`] });
    const user = setupUser();
    render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    const editor = await screen.findByRole('dialog', { name: 'Set ADMIN_USERNAME in Development' });
    await user.click(within(editor).getByLabelText('New value'));
    await user.paste('kept-value');
    // The check before saving (a read) is refused: the API token is asked for again.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    fake.faults.add({ match: { method: 'GET', path: /secrets\/rendered/ }, fault: { kind: 'status', status: 401 } });
    await user.click(within(editor).getByRole('button', { name: 'Save' }));

    const prompt = await screen.findByRole('dialog', { name: 'Sign in again to keep your work' });
    expect(prompt).toHaveTextContent('The API refused your API token. What you typed is kept');
    expect(sessionStore.get()).not.toBeNull();
    const field = within(prompt).getByLabelText(/^API token/);
    expect(field).toHaveAttribute('autocomplete', 'off');
    expect(prompt).toHaveTextContent('It will be sent to http://localhost (this site).');

    await user.click(field);
    await user.paste('wrong-token');
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }));
    expect(await within(prompt).findByText('That token was not accepted')).toBeInTheDocument();
    expect(field).toHaveValue('wrong-token');

    await user.clear(field);
    await user.paste('demo-token');
    await user.click(within(prompt).getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(prompt).not.toBeInTheDocument());
    expect(await within(editor).findByText(/has not been saved yet: send it again/)).toBeInTheDocument();
    expect(within(editor).getByLabelText('New value')).toHaveValue('kept-value');
    expect(within(editor).queryByText(/Could not save/)).not.toBeInTheDocument();

    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('kept-value');
  });
});
