import { act, screen } from '@testing-library/react';
import { preferencesStore } from '@/lib/preferences';
import { useFakeApi } from '@/testing/render-app';
import { clearValue, fullModeEntries, recordRequests, renderedRequests, setVisibility, stubClipboard, findTable, quietActWarnings, btn, openSecretsPage } from '@/testing/browse-helpers';

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

// Each test opens a full table in jsdom, some a second page: slow on a busy machine.
describe('auto-hide and leaving', { timeout: 30_000 }, () => {
  it('hides after 60 s by default, with a visible countdown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    // A loaded machine may take a second or two between the click and this line.
    expect(screen.getByText(/^Hides in (60|59|58) s$/)).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(30_000);
    });
    expect(screen.getByText(/^Hides in (30|29|28|27) s$/)).toBeInTheDocument();
    expect(screen.getByLabelText('Value of CANARY_TOKEN_1')).toBeInTheDocument();

    await act(async () => {
      await vi.advanceTimersByTimeAsync(31_000);
    });
    expect(screen.queryByLabelText('Value of CANARY_TOKEN_1')).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
  });

  it('uses the auto-hide delay from the settings', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user, queryClient } = await openProduction();
    await user.click(btn('Settings'));
    await user.click(await screen.findByText('15 seconds', { selector: '[role=menuitem]' }));
    expect(preferencesStore.get().autoHideSeconds).toBe(15);

    await user.click(btn('Reveal all'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    expect(screen.getAllByText(/^Hides in 1[345] s$/).length).toBeGreaterThan(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(16_000);
    });
    expect(screen.queryByLabelText(/^Value of /)).not.toBeInTheDocument();
    expect(fullModeEntries(queryClient)).toHaveLength(0);
  });

  it('hides everything when the page becomes hidden', async () => {
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    await user.click(btn('Reveal all'));
    await screen.findByLabelText('Value of CANARY_TOKEN_2');
    act(() => setVisibility('hidden'));
    expect(screen.queryByLabelText(/^Value of /)).not.toBeInTheDocument();
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it('drops revealed values when switching environment', async () => {
    const { user, queryClient, router } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    await user.click(screen.getByText('Staging', { selector: '[role=tab]' }));
    await findTable('Secrets in Staging');
    expect(router.state.location.pathname).toBe(`/apps/${APP}/staging`);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(btn('Reveal CANARY_TOKEN_1')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it('drops revealed values when switching app', async () => {
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal all'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    await user.click(screen.getByText('Secrets', { selector: 'header a' }));
    await screen.findByText('Apps', { selector: 'h1' });
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it('drops revealed values on sign-out (the whole cache is cleared)', async () => {
    const { user, queryClient } = await openProduction();
    await user.click(btn('Reveal CANARY_TOKEN_1'));
    await screen.findByLabelText('Value of CANARY_TOKEN_1');
    await user.click(btn('Sign out'));
    await screen.findByText('Sign in', { selector: 'h1' });
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(document.body.innerHTML).not.toContain(CANARY);
  });
});

describe('copy', { timeout: 30_000 }, () => {
  it('fetches the one value, writes it to the clipboard without showing it, confirms and keeps nothing', async () => {
    const { user, queryClient } = await openProduction();
    // After setupUser(), which installs its own clipboard.
    const writeText = stubClipboard();
    await user.click(btn('Copy CANARY_TOKEN_1'));
    expect(await screen.findByText('Copied CANARY_TOKEN_1 to the clipboard.')).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText).toHaveBeenCalledWith(CANARY);

    const full = renderedRequests(requests, 'Full');
    expect(full).toHaveLength(1);
    expect(full[0]!.url.searchParams.getAll('secret-name-filter')).toEqual(['CANARY_TOKEN_1']);
    expect(full[0]!.headers.get('Authorization')).toBe('Bearer demo-token');
    expect(document.body.innerHTML).not.toContain(CANARY);
    expect(fullModeEntries(queryClient)).toHaveLength(0);
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(CANARY);
  });

  it('copies a multi-line value exactly', async () => {
    const { user } = await openProduction();
    const writeText = stubClipboard();
    await user.click(btn('Copy DEPLOY_SSH_KEY'));
    await screen.findByText('Copied DEPLOY_SSH_KEY to the clipboard.');
    expect(writeText).toHaveBeenCalledWith(clearValue(fake, APP, PROD, 'DEPLOY_SSH_KEY'));
  });

  it('says so when the clipboard is refused, without the value', async () => {
    const { user } = await openProduction();
    stubClipboard(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    await user.click(btn('Copy CANARY_TOKEN_1'));
    expect(await screen.findByText(/Could not copy CANARY_TOKEN_1/)).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it('shows the server message and request id when the request fails', async () => {
    fake.faults.add({
      match: { path: /secrets\/rendered/, mode: 'Full' },
      fault: { kind: 'status', status: 500, body: { message: 'Backend down', requestId: 'req_copy_1' } },
    });
    const { user } = await openProduction();
    await user.click(btn('Copy CANARY_TOKEN_1'));
    expect(await screen.findByText(/Could not copy CANARY_TOKEN_1: Backend down \(request id req_copy_1\)/)).toBeInTheDocument();
  });
});
