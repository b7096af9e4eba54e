import { screen, waitFor, within } from '@testing-library/react';
import { SESSION_STORAGE_KEY, sessionStore } from '@/features/session/session-store';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { recordRequests, setupUser, findTable, quietActWarnings } from '@/testing/browse-helpers';

const fake = useFakeApi();
quietActWarnings();
const requests = recordRequests(fake);

const READ_TOKEN = 'demo-read-token';
const WRITE_TOKEN = 'demo-write-token';

afterEach(() => {
  delete window.__DASHBOARD_CONFIG__;
  localStorage.clear();
});

function storedEverywhere(): string {
  return JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } });
}

describe('sign in', () => {
  it('redirects a protected page to sign-in and returns to it after signing in with a read and a write token', async () => {
    const user = setupUser();
    const { router, queryClient } = renderApp('/apps/app_payments/production?q=stripe', { token: null });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/apps/app_payments/production?q=stripe')}`);
    // The write token is explained: it cannot read.
    expect(screen.getByText(/A Write token cannot read values/)).toBeInTheDocument();
    // Not in demo mode: no demo button.
    expect(screen.queryByRole('button', { name: 'Explore the demo' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/^API token/), READ_TOKEN);
    await user.type(screen.getByLabelText(/^Write token/), WRITE_TOKEN);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await findTable('Secrets in Production')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps/app_payments/production');
    expect(router.state.location.search).toBe('?q=stripe');
    expect(screen.getByLabelText('Search keys')).toHaveValue('stripe');

    // Reads use the read token.
    const reads = requests.filter((r) => r.method === 'GET' && r.url.pathname.startsWith('/api/'));
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(r.headers.get('Authorization')).toBe(`Bearer ${READ_TOKEN}`);

    // Tokens: in memory and sessionStorage only, never localStorage or the URL.
    expect(sessionStore.get()).toMatchObject({ readToken: READ_TOKEN, writeToken: WRITE_TOKEN });
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toContain(READ_TOKEN);
    expect(JSON.stringify({ ...localStorage })).not.toContain(READ_TOKEN);
    expect(JSON.stringify({ ...localStorage })).not.toContain(WRITE_TOKEN);
    for (const r of requests) {
      expect(r.url.href).not.toContain(READ_TOKEN);
      expect(r.url.href).not.toContain(WRITE_TOKEN);
    }
    expect(router.state.location.search).not.toContain('token');
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);
  });

  it('requires the API token', async () => {
    const user = setupUser();
    renderApp('/sign-in', { token: null });
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Paste your API access token')).toBeInTheDocument();
    expect(requests).toHaveLength(0);
    expect(sessionStore.get()).toBeNull();
  });

  it('stays on sign-in with a message when the token is refused', async () => {
    const user = setupUser();
    const { router } = renderApp('/sign-in?next=%2Fapps', { token: null });
    await user.type(await screen.findByLabelText(/^API token/), 'not-a-real-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('That token was not accepted')).toBeInTheDocument();
    expect(within(alert).getByText(/^Request id/)).toHaveTextContent(/Request id: req_/);
    expect(alert.textContent).not.toContain('not-a-real-token');
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(sessionStore.get()).toBeNull();
    expect(storedEverywhere()).not.toContain('not-a-real-token');
  });

  it('"Explore the demo" signs in with the demo token when the runtime config says demo', async () => {
    window.__DASHBOARD_CONFIG__ = { demo: true, apiBaseUrl: '/api' };
    const user = setupUser();
    const { router } = renderApp('/apps', { token: null });
    await user.click(await screen.findByRole('button', { name: 'Explore the demo' }));
    expect(await screen.findByRole('link', { name: /payments-api/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps');
    expect(sessionStore.get()).toMatchObject({ readToken: 'demo-token', demo: true });
    expect(requests.find((r) => r.url.pathname === '/api/environments')?.headers.get('Authorization')).toBe('Bearer demo-token');
    expect(within(screen.getByRole('banner')).getByText('Demo')).toBeInTheDocument();
  });
});

describe('sign out', () => {
  it('forgets the tokens and clears the query cache', async () => {
    const user = setupUser();
    const { router, queryClient } = renderApp('/apps/app_payments/development');
    await findTable('Secrets in Development');
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();

    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(storedEverywhere()).not.toContain('demo-token');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);

    // Protected pages are closed again.
    await router.navigate('/apps');
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  });
});

describe('401', () => {
  it('mid-session: returns to sign-in, clears the cache, and after signing in again to the same page', async () => {
    const user = setupUser();
    const { router, queryClient } = renderApp('/apps/app_payments/production?q=data');
    await findTable('Secrets in Production');

    fake.faults.add({ match: { path: /secrets\/rendered/ }, fault: { kind: 'status', status: 401 } });
    await user.click(screen.getByLabelText('Reveal DATABASE_URL', { selector: 'button' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText(/Your session ended/)).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/apps/app_payments/production?q=data');
    expect(sessionStore.get()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(queryClient.getQueryCache().findAll({ queryKey: ['secrets'] })).toHaveLength(0);

    await user.type(screen.getByLabelText(/^API token/), 'demo-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await findTable('Secrets in Production')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps/app_payments/production');
    expect(router.state.location.search).toBe('?q=data');
  });

  it('on load (a restored session whose token expired): goes to sign-in and back', async () => {
    const user = setupUser();
    fake.faults.add({ match: { path: '/environments' }, fault: { kind: 'status', status: 401 }, times: 1 });
    const { router } = renderApp('/apps/app_web/qa');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/apps/app_web/qa');

    await user.type(screen.getByLabelText(/^API token/), 'demo-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await findTable('Secrets in QA')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/apps/app_web/qa');
  });
});

it('only returns to in-app paths after sign-in', async () => {
  const user = setupUser();
  const { router } = renderApp(`/sign-in?next=${encodeURIComponent('//evil.example/x')}`, { token: null });
  await user.type(await screen.findByLabelText(/^API token/), 'demo-token');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await waitFor(() => expect(router.state.location.pathname).toBe('/apps'));
});
