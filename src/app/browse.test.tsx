import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { recordRequests, renderedRequests, setupUser, findTable, quietActWarnings } from '@/testing/browse-helpers';

const fake = useFakeApi();
quietActWarnings();
const requests = recordRequests(fake);

const APP = 'app_payments';

afterEach(() => {
  vi.useRealTimers();
});

/** Row keys currently rendered (the table is virtualized: the rows in view). */
function renderedKeys(): string[] {
  return screen.queryAllByText(/.+/, { selector: '[role=row] a' }).map((a) => a.textContent ?? '');
}

describe('browse', { timeout: 30_000 }, () => {
  it('signs in, opens an app and shows masked secrets', async () => {
    const user = setupUser();
    const { router } = renderApp('/apps', { token: null });
    await user.type(await screen.findByLabelText(/^API token/), 'demo-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('link', { name: /payments-api/ }));
    const table = await findTable(/Secrets in/);
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(router.state.location.pathname).toMatch(/^\/apps\/app_payments\/[a-z]+$/);
  });

  it('shows key, masked preview or "Not set", and row actions; the app bar names the app and environment', async () => {
    renderApp(`/apps/${APP}/production`);
    const table = await findTable('Secrets in Production');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Key', 'Value', 'Actions']);
    const row = (key: string) => screen.getByText(key, { selector: '[role=row] a' }).closest('[role=row]') as HTMLElement;

    // Masked as the server sent it (PreviewOnly), never the value.
    const preview = fake.store.rendered(APP, 'env_prod', 'PreviewOnly', ['DATABASE_PASSWORD'])!.secrets[0]!.serializedValue!;
    expect(within(row('DATABASE_PASSWORD')).getByText(preview)).toBeInTheDocument();
    expect(within(row('LEGACY_API_TOKEN')).getByText('Not set')).toBeInTheDocument();
    for (const name of ['Reveal DATABASE_PASSWORD', 'Copy DATABASE_PASSWORD']) {
      expect(within(row('DATABASE_PASSWORD')).getByLabelText(name, { selector: 'button' })).toBeEnabled();
    }
    expect(within(row('DATABASE_PASSWORD')).getByText('DATABASE_PASSWORD')).toHaveAttribute(
      'href',
      `/apps/${APP}/secrets/${fake.store.getSecretByName(APP, 'DATABASE_PASSWORD')!.id}`,
    );
    // Only PreviewOnly requests so far.
    expect(renderedRequests(requests, 'Full')).toHaveLength(0);
    expect(renderedRequests(requests, 'PreviewOnly').length).toBeGreaterThan(0);

    const banner = screen.getByRole('banner');
    expect(await within(banner).findByRole('link', { name: 'payments-api' })).toHaveAttribute('href', `/apps/${APP}`);
    expect(banner).toHaveTextContent('/ payments-api / Production');

    // The key opens the secret's page in the app (no full reload).
    await setupUser().click(within(row('DATABASE_PASSWORD')).getByText('DATABASE_PASSWORD'));
    expect(await screen.findByRole('heading', { level: 1, name: /DATABASE_PASSWORD/ })).toBeInTheDocument();
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('deep links work on load, with the environment in the path and the search in ?q=', async () => {
    const { router } = renderApp(`/apps/${APP}/staging?q=stripe`);
    expect(await findTable('Secrets in Staging')).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('stripe');
    expect(renderedKeys()).toEqual(['STRIPE_API_KEY', 'STRIPE_WEBHOOK_SECRET']);
    expect(screen.getByRole('tab', { name: 'Staging' })).toHaveAttribute('aria-selected', 'true');
    expect(router.state.location.search).toBe('?q=stripe');
  });

  it('env tabs show the labels and keep the search when switching', async () => {
    const user = setupUser();
    const { router } = renderApp(`/apps/${APP}/development?q=paypal`);
    await findTable('Secrets in Development');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Development', 'QA', 'Staging', 'Production']);
    await user.click(screen.getByRole('tab', { name: 'QA' }));
    expect(await findTable('Secrets in QA')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/apps/${APP}/qa`);
    expect(router.state.location.search).toBe('?q=paypal');
    expect(renderedKeys()).toEqual(['PAYPAL_CLIENT_SECRET']);
    const qa = renderedRequests(requests, 'PreviewOnly').filter((r) => r.url.searchParams.get('environment') === 'env_qa');
    expect(qa.length).toBeGreaterThan(0);
  });

  it('/apps/:appId opens the first environment', async () => {
    const { router } = renderApp(`/apps/${APP}`);
    expect(await findTable('Secrets in Development')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/apps/${APP}/development`);
  });

  it('an unknown environment slug says so', async () => {
    renderApp(`/apps/${APP}/nowhere`);
    expect(await screen.findByText(/There is no environment “nowhere”/)).toBeInTheDocument();
  });
});

describe('search', { timeout: 30_000 }, () => {
  it('filters instantly and case-insensitively by key, counts matches and keeps the text in the URL', async () => {
    const user = setupUser();
    const { router } = renderApp(`/apps/${APP}/production`);
    await findTable('Secrets in Production');
    const total = fake.store.countSecrets(APP);
    expect(screen.getByText(`${total} secrets in Production`)).toBeInTheDocument();

    const search = screen.getByRole('searchbox', { name: 'Search keys' });
    await user.type(search, 'database');
    await waitFor(() => expect(renderedKeys()).toEqual(['DATABASE_PASSWORD', 'DATABASE_URL', 'DATABASE_USERNAME']));
    expect(screen.getByText(`3 of ${total} secrets match “database”`)).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=database');

    await user.clear(search);
    await user.type(search, 'zzz');
    expect(await screen.findByText('No key matches “zzz”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(search).toHaveValue('');
  });

  it('"/" focuses the search box, but typing "/" in a field does not', async () => {
    const user = setupUser();
    renderApp(`/apps/${APP}/production`);
    await findTable('Secrets in Production');
    const search = screen.getByRole('searchbox', { name: 'Search keys' });
    expect(search).not.toHaveFocus();
    await user.keyboard('/');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('');
    await user.keyboard('a/b');
    expect(search).toHaveValue('a/b');
  });
});

describe('states', { timeout: 30_000 }, () => {
  it('shows skeletons while the secrets load', async () => {
    fake.faults.add({ match: { path: /secrets\/rendered/ }, fault: { kind: 'latency', ms: 400 } });
    renderApp(`/apps/${APP}/production`);
    expect(await screen.findByLabelText('Loading secrets')).toHaveAttribute('aria-busy', 'true');
    expect(await findTable('Secrets in Production', 3000)).toBeInTheDocument();
    expect(screen.queryByLabelText('Loading secrets')).not.toBeInTheDocument();
  });

  it('shows a helpful empty state for an app without secrets', async () => {
    fake.store.addApp({ id: 'app_empty', name: 'empty-app', slug: 'empty-app' });
    renderApp('/apps/app_empty/production');
    expect(await screen.findByText(/No secrets in this app yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reveal all' })).toBeDisabled();
  });

  it('shows the server message and request id, and retries', async () => {
    const user = setupUser();
    const remove = fake.faults.add({
      match: { path: /secrets\/rendered/ },
      fault: { kind: 'status', status: 500, body: { message: 'Renderer exploded', requestId: 'req_list_500' } },
      times: Infinity,
    });
    renderApp(`/apps/${APP}/production`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load secrets')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Renderer exploded');
    expect(alert).toHaveTextContent('Request id: req_list_500');
    remove();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await findTable('Secrets in Production')).toBeInTheDocument();
  });

  it('has a specific message for 403', async () => {
    fake.faults.add({
      match: { path: /secrets\/rendered/ },
      fault: { kind: 'status', status: 403, body: { message: 'Token not allowed in production', requestId: 'req_403' } },
      times: Infinity,
    });
    renderApp(`/apps/${APP}/production`);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Your token may not read Production of this app')).toBeInTheDocument();
    expect(alert).toHaveTextContent('Token not allowed in production');
    expect(alert).toHaveTextContent(/Ask an admin for a token with Read scope/);
    expect(alert).toHaveTextContent('req_403');
  });

  it('shows an error with retry when the environments cannot load', async () => {
    fake.faults.add({
      match: { path: '/environments' },
      fault: { kind: 'status', status: 503, body: { message: 'Try later', requestId: 'req_env_503' } },
      times: Infinity,
    });
    renderApp(`/apps/${APP}/production`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load environments');
    expect(alert).toHaveTextContent('req_env_503');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});

describe('freshness', { timeout: 30_000 }, () => {
  it('refetches every 30 s with If-None-Match, and says so (keeping the search) when the secrets changed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderApp(`/apps/${APP}/production?q=stripe`);
    await findTable('Secrets in Production');
    const before = renderedRequests(requests, 'PreviewOnly').length;

    // Unchanged: a 304, nothing to say.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    await waitFor(() => expect(renderedRequests(requests, 'PreviewOnly').length).toBe(before + 1));
    expect(renderedRequests(requests, 'PreviewOnly').at(-1)!.headers.get('If-None-Match')).toMatch(/^".+"$/);
    expect(screen.queryByText(/changed on the server/)).not.toBeInTheDocument();

    // Someone adds a secret: the next refetch shows it and says so, unobtrusively.
    fake.store.createSecret(APP, { name: 'STRIPE_NEW_KEY', purposeType: 'APIKey' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(await screen.findByText('Secrets in Production changed on the server; the list is up to date.')).toBeInTheDocument();
    expect(renderedKeys()).toEqual(['STRIPE_API_KEY', 'STRIPE_NEW_KEY', 'STRIPE_WEBHOOK_SECRET']);
    expect(screen.getByRole('searchbox', { name: 'Search keys' })).toHaveValue('stripe');
  });
});

describe('layout', { timeout: 30_000 }, () => {
  it('switches between light and dark themes, following the system by default', async () => {
    const user = setupUser();
    renderApp('/apps');
    const banner = await screen.findByRole('banner');
    const toDark = await within(banner).findByRole('button', { name: 'Switch to dark theme' });
    await user.click(toDark);
    expect(within(banner).getByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
    expect(document.documentElement.className).toMatch(/dark/);

    await user.click(within(banner).getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Theme: follow the system' }));
    expect(within(banner).getByRole('button', { name: 'Switch to dark theme' })).toBeInTheDocument();
  });
});
