import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { setupUser, findTable, quietActWarnings } from '@/testing/browse-helpers';

const fake = useFakeApi({ ambiguousAppNames: true });
quietActWarnings();

describe('apps', { timeout: 30_000 }, () => {
  it('lists the apps with an instant, case-insensitive search kept in the URL', async () => {
    const user = setupUser();
    const { router } = renderApp('/apps');
    const list = await screen.findByRole('list', { name: 'Apps' });
    expect(within(list).getAllByRole('link')).toHaveLength(5);
    expect(screen.getByRole('status')).toHaveTextContent('5 apps');

    await user.type(screen.getByRole('searchbox', { name: 'Search apps' }), 'PAY');
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(within(list).getByRole('link', { name: /payments-api/ })).toHaveAttribute('href', '/apps/app_payments');
    expect(screen.getByRole('status')).toHaveTextContent('1 of 5 apps match');
    expect(router.state.location.search).toBe('?q=PAY');

    await user.clear(screen.getByRole('searchbox', { name: 'Search apps' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search apps' }), 'nothing-like-this');
    expect(await screen.findByText(/No app matches/)).toBeInTheDocument();
  });

  it('opens an app from the list at its first environment', async () => {
    const user = setupUser();
    const { router } = renderApp('/apps?q=web');
    await user.click(await screen.findByRole('link', { name: /web-frontend/ }));
    expect(await findTable('Secrets in Development')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps/app_web/development');
  });

  it('shows skeletons while loading', async () => {
    fake.faults.add({ match: { path: '/apps' }, fault: { kind: 'latency', ms: 300 } });
    renderApp('/apps');
    expect(await screen.findByLabelText('Loading apps')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByRole('list', { name: 'Apps' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Loading apps')).not.toBeInTheDocument();
  });

  it('shows an empty state when there are no apps', async () => {
    fake.store.load({ environments: fake.store.listEnvironments(), apps: [] });
    renderApp('/apps');
    expect(await screen.findByText(/No apps yet/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'App name' })).toBeInTheDocument();
  });

  it('shows the server message and request id, and retries', async () => {
    const user = setupUser();
    fake.faults.add({
      match: { path: '/apps' },
      fault: { kind: 'status', status: 500, body: { message: 'Catalog is down', requestId: 'req_apps_500' } },
      times: 2,
    });
    renderApp('/apps');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load apps')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Catalog is down');
    expect(alert).toHaveTextContent('req_apps_500');
    fake.faults.clear();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'Apps' })).toBeInTheDocument();
  });
});

describe('opening an app by name or id', { timeout: 30_000 }, () => {
  it('works when the listing endpoint is absent (404)', async () => {
    fake.settings.appsListing = false;
    const user = setupUser();
    const { router } = renderApp('/apps');
    expect(await screen.findByText(/This API does not list apps/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'App name' }), 'data-pipeline');
    await user.click(screen.getByRole('button', { name: 'Open app' }));
    expect(await findTable('Secrets in Development')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps/app_data/development');
  });

  it('opens by id', async () => {
    const user = setupUser();
    const { router } = renderApp('/apps');
    await user.click(await screen.findByRole('radio', { name: 'by id' }));
    await user.type(screen.getByRole('textbox', { name: 'App id' }), 'app_web');
    await user.click(screen.getByRole('button', { name: 'Open app' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/apps/app_web/development'));
  });

  it('says so when no app has the name, or several do', async () => {
    const user = setupUser();
    renderApp('/apps');
    const name = await screen.findByRole('textbox', { name: 'App name' });
    await user.click(screen.getByRole('button', { name: 'Open app' }));
    expect(await screen.findByText('Enter the app’s name')).toBeInTheDocument();

    await user.type(name, 'no-such-app');
    await user.click(screen.getByRole('button', { name: 'Open app' }));
    expect(await screen.findByText('No app has that name')).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'shared-service');
    await user.click(screen.getByRole('button', { name: 'Open app' }));
    expect(await screen.findByText('Several apps have that name: open it by id instead')).toBeInTheDocument();
  });
});
