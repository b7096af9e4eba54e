import { act, screen, waitFor, within } from '@testing-library/react';
import { useFakeApi } from '@/testing/render-app';
import { clearValue, clearValues, fullModeEntries, recordRequests, renderedRequests, setVisibility, quietActWarnings, btn, openSecretsPage } from '@/testing/browse-helpers';

const CANARY = 'CANARY-7f3a9c1e-never-in-the-dom';
const fake = useFakeApi({ canary: CANARY });
quietActWarnings();
const requests = recordRequests(fake);

const APP = 'app_payments';
const PROD = 'env_prod';
const PROD_URL = `/apps/${APP}/production`;

afterEach(() => {
  vi.useRealTimers();
  setVisibility('visible');
});

const openProduction = (path = PROD_URL) => openSecretsPage(path, 'Secrets in Production');

function row(key: string): HTMLElement {
  return screen.getByText(key, { selector: '[role=row] a' }).closest('[role=row]') as HTMLElement;
}

describe('masked list', { timeout: 30_000 }, () => {
  it('never contains a clear value (canary and every seeded value)', async () => {
    await openProduction();
    expect(screen.getAllByText(/^CANARY_TOKEN_/, { selector: '[role=row] a' })).toHaveLength(3);
    const html = document.body.innerHTML;
    expect(html).not.toContain(CANARY);
    for (const value of clearValues(fake, APP, PROD)) expect(html).not.toContain(value);
    expect(renderedRequests(requests, 'Full')).toHaveLength(0);
  });
});

describe('reveal one value', { timeout: 30_000 }, () => {
  it('sends exactly one Full request filtered to the key, with the Bearer header, and shows the value as a preserved block', async () => {
    const { user } = await openProduction();
    const value = clearValue(fake, APP, PROD, 'MULTILINE_CONFIG');
    expect(value).toContain('\n');

    await user.click(btn('Reveal MULTILINE_CONFIG'));
    const block = await screen.findByLabelText('Value of MULTILINE_CONFIG');
    expect(block.textContent).toBe(value);
    expect(block.tagName).toBe('PRE');
    expect(btn('Hide MULTILINE_CONFIG')).toHaveAttribute('aria-pressed', 'true');
    expect(within(row('MULTILINE_CONFIG')).getByText(/^Hides in (60|59|58) s$/)).toBeInTheDocument();

    const full = renderedRequests(requests, 'Full');
    expect(full).toHaveLength(1);
    expect(full[0]!.url.searchParams.getAll('secret-name-filter')).toEqual(['MULTILINE_CONFIG']);
    expect(full[0]!.url.searchParams.get('environment')).toBe(PROD);
    expect(full[0]!.headers.get('Authorization')).toBe('Bearer demo-token');
    // Nothing else was revealed.
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it('preserves leading and trailing spaces', async () => {
    const { user } = await openProduction();
    await user.click(btn('Reveal PADDED_VALUE'));
    expect((await screen.findByLabelText('Value of PADDED_VALUE')).textContent).toBe('  value with surrounding spaces  ');
  });

  it('hide removes the value from the DOM and every Full-mode entry from the query cache', async () => {
    const consoleCalls = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    const { user, queryClient, router } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    expect(await screen.findByLabelText('Value of CANARY_TOKEN_1')).toHaveTextContent(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(1);

    await user.click(btn('Hide CANARY_TOKEN_1'));
    expect(screen.queryByLabelText('Value of CANARY_TOKEN_1')).not.toBeInTheDocument();
    expect(btn('Reveal CANARY_TOKEN_1')).toHaveAttribute('aria-pressed', 'false');
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(CANARY);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(CANARY);
    expect(JSON.stringify({ ...localStorage })).not.toContain(CANARY);
    expect(router.state.location.pathname + router.state.location.search).not.toContain(CANARY);
    for (const spy of consoleCalls) expect(JSON.stringify(spy.mock.calls.map((args) => args.map(String)))).not.toContain(CANARY);
  });

  it('shows "Not set" for a secret without a value when revealed', async () => {
    const { user } = await openProduction();
    expect(within(row('LEGACY_API_TOKEN')).getByText('Not set')).toBeInTheDocument();
    expect(btn('Copy LEGACY_API_TOKEN')).toBeDisabled();
    await user.click(btn('Reveal LEGACY_API_TOKEN'));
    expect(await screen.findByLabelText('Hide LEGACY_API_TOKEN', { selector: 'button' })).toBeInTheDocument();
    await waitFor(() => expect(within(row('LEGACY_API_TOKEN')).getByText('Not set')).toBeInTheDocument());
  });

  it('a pending reveal shows progress, is cancelled by hiding, and a late response is discarded', async () => {
    fake.faults.add({ match: { path: /secrets\/rendered/, mode: 'Full' }, fault: { kind: 'latency', ms: 150 } });
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_2'));
    expect(await screen.findByRole('progressbar', { name: 'Revealing CANARY_TOKEN_2' })).toBeInTheDocument();
    await user.click(btn('Hide CANARY_TOKEN_2'));
    expect(screen.queryByRole('progressbar', { name: 'Revealing CANARY_TOKEN_2' })).not.toBeInTheDocument();
    expect(fullModeEntries(queryClient)).toHaveLength(0);

    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(btn('Reveal CANARY_TOKEN_2')).toBeInTheDocument();
    expect(renderedRequests(requests, 'Full')).toHaveLength(1);
  });

  it('shows an error without the value and can be retried', async () => {
    fake.faults.add({
      match: { path: /secrets\/rendered/, mode: 'Full' },
      fault: { kind: 'status', status: 503, body: { message: 'Vault sealed', requestId: 'req_reveal_1' } },
    });
    const { user } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    expect(await within(row('CANARY_TOKEN_1')).findByText(/Could not reveal: Vault sealed/)).toBeInTheDocument();

    await user.click(btn('Retry revealing CANARY_TOKEN_1'));
    expect(await screen.findByLabelText('Value of CANARY_TOKEN_1')).toHaveTextContent(CANARY);
    expect(renderedRequests(requests, 'Full')).toHaveLength(2);
  });
});

describe('reveal all', { timeout: 30_000 }, () => {
  it('reveals every value of the environment with one request, and hide all removes them', async () => {
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal all'));
    expect(await screen.findByLabelText('Value of CANARY_TOKEN_3')).toHaveTextContent(CANARY);
    expect(screen.getByLabelText('Value of DEPLOY_SSH_KEY').textContent).toBe(clearValue(fake, APP, PROD, 'DEPLOY_SSH_KEY'));

    const full = renderedRequests(requests, 'Full');
    expect(full).toHaveLength(1);
    expect(full[0]!.url.searchParams.has('secret-name-filter')).toBe(false);
    expect(full[0]!.url.searchParams.get('environment')).toBe(PROD);

    await user.click(btn('Hide all'));
    expect(btn('Reveal all')).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Value of /)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
  });

  it('hiding one row while everything is revealed hides only that row', async () => {
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal all'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    await user.click(btn('Hide CANARY_TOKEN_1'));
    expect(screen.queryByLabelText('Value of CANARY_TOKEN_1')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Value of CANARY_TOKEN_2')).toBeInTheDocument();
    expect(JSON.stringify(fullModeEntries(queryClient).map((q) => q.state.data))).not.toContain('CANARY_TOKEN_1');
  });

  it('hide all while pending cancels the request and keeps nothing', async () => {
    fake.faults.add({ match: { path: /secrets\/rendered/, mode: 'Full' }, fault: { kind: 'latency', ms: 150 } });
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal all'));
    await user.click(await screen.findByText(/Hide all/, { selector: 'button' }));
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(btn('Reveal all')).toBeInTheDocument();
  });
});
