import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { recordRequests, renderedRequests, setupUser, findTable, quietActWarnings } from '@/testing/browse-helpers';

const SECRETS = 10_000;
const fake = useFakeApi({ secrets: SECRETS, envs: 4, apps: 3 });
quietActWarnings();
const requests = recordRequests(fake);

afterEach(() => {
  window.scrollY = 0;
});

describe('10,000 secrets', () => {
  it('renders a bounded number of rows, scrolls through them, searches, and reveals with one request', async () => {
    const user = setupUser();
    renderApp('/apps/app_payments/production');
    const table = await findTable('Secrets in Production', 15_000);
    expect(table).toHaveAttribute('aria-rowcount', String(SECRETS + 1));
    expect(screen.getByText(`${SECRETS} secrets in Production`)).toBeInTheDocument();

    const rows = () => table.querySelectorAll('[role=row]');
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThanOrEqual(100);
    const firstIndex = () => Number(rows()[1]?.getAttribute('aria-rowindex'));
    expect(firstIndex()).toBe(2);

    // Scrolling the page moves the window of rendered rows (still bounded).
    act(() => {
      window.scrollY = 52 * 5_000;
      window.dispatchEvent(new Event('scroll'));
    });
    await waitFor(() => expect(firstIndex()).toBeGreaterThan(4_000));
    expect(rows().length).toBeLessThanOrEqual(100);

    // Search across all 10,000 keys.
    const [sample] = fake.store.rendered('app_payments', 'env_prod', 'PreviewOnly')!.secrets.slice(7_777, 7_778);
    act(() => {
      window.scrollY = 0;
      window.dispatchEvent(new Event('scroll'));
    });
    await user.click(screen.getByLabelText('Search keys'));
    await user.paste(sample!.key.toLowerCase());
    await waitFor(() => expect(screen.getByText(sample!.key, { selector: '[role=row] a' })).toBeInTheDocument());
    expect(rows().length).toBeLessThanOrEqual(100);

    const row = screen.getByText(sample!.key, { selector: '[role=row] a' }).closest('[role=row]') as HTMLElement;
    await user.click(within(row).getByLabelText(`Reveal ${sample!.key}`, { selector: 'button' }));
    expect(await screen.findByLabelText(`Value of ${sample!.key}`)).toBeInTheDocument();
    const full = renderedRequests(requests, 'Full');
    expect(full).toHaveLength(1);
    expect(full[0]!.url.searchParams.getAll('secret-name-filter')).toEqual([sample!.key]);
  }, 30_000);
});
