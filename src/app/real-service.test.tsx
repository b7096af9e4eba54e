/**
 * What the real service may answer and the fake does too: the leanest write answers
 * (`writeResponses`), and a server without the secret-detail endpoint.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { APP, saveInSetValueDialog, secretId as secretIdIn, storedValue as storedValueIn } from '@/testing/edit-helpers';
import { renderApp, TEST_API_BASE, useFakeApi } from '@/testing/render-app';
import { MAX_VALUE_BYTES, PATHS } from '@/api/contract';
import { WRITE_RESPONSES } from '../../mocks/context.ts';
import { errorResponse } from '../../mocks/responses.ts';

const fake = useFakeApi();

afterEach(() => fake.server.events.removeAllListeners());

const storedValue = (name: string, envId: string) => storedValueIn(fake, name, envId);
const secretId = (name: string) => secretIdIn(fake, name);

const CONTRACT_ERROR = /does not match the contract|Unexpected response/;

describe.each(WRITE_RESPONSES)('writes answered the %s way', { timeout: 60_000 }, (mode) => {
  beforeEach(() => {
    fake.settings.writeResponses = mode;
  });

  it('create → initial values: the toast, the Open link and the new row use the submitted name and the returned id', async () => {
    const user = userEvent.setup();
    renderApp(`/apps/${APP}/development`);
    await screen.findByRole('table', { name: /Secrets in/ });
    await user.click(screen.getByRole('button', { name: 'New secret' }));
    const dialog = await screen.findByRole('dialog', { name: 'New secret' });
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('LEAN_ANSWER_KEY');
    await user.click(within(dialog).getByLabelText('Initial value in Development'));
    await user.paste('dev value');
    await user.click(within(dialog).getByLabelText('Initial value in QA'));
    await user.paste('qa value');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Created LEAN_ANSWER_KEY.')).toBeInTheDocument();
    const id = secretId('LEAN_ANSWER_KEY');
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('href', `/apps/${APP}/secrets/${id}`);
    expect(await screen.findByText('LEAN_ANSWER_KEY')).toBeInTheDocument();
    expect(storedValue('LEAN_ANSWER_KEY', 'env_dev')).toBe('dev value');
    expect(storedValue('LEAN_ANSWER_KEY', 'env_qa')).toBe('qa value');
    expect(document.body.textContent).not.toMatch(CONTRACT_ERROR);
  });

  it('the set-value dialog saves and says so', async () => {
    const user = userEvent.setup();
    renderApp(`/apps/${APP}/development`);
    await user.click(await screen.findByRole('button', { name: 'Edit ADMIN_USERNAME' }));
    await saveInSetValueDialog(user, 'Set ADMIN_USERNAME in Development', 'new admin');
    expect(await screen.findByText('Saved the new value of ADMIN_USERNAME in Development.')).toBeInTheDocument();
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toBe('new admin');
    expect(document.body.textContent).not.toMatch(CONTRACT_ERROR);
  });
});

describe('the value-size limit', { timeout: 60_000 }, () => {
  it('says a value is too large, sends nothing, and keeps it for shortening', async () => {
    const user = userEvent.setup();
    const puts: string[] = [];
    fake.server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts.push(request.url);
    });
    renderApp(`/apps/${APP}/development`);
    await user.click(await screen.findByRole('button', { name: 'Edit ADMIN_USERNAME' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set ADMIN_USERNAME in Development' });
    const field = within(dialog).getByLabelText('New value');
    fireEvent.change(field, { target: { value: 'x'.repeat(MAX_VALUE_BYTES + 1) } });
    expect(within(dialog).getByText(/^The value is 1,048,577 bytes of UTF-8/)).toBeInTheDocument();
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    fireEvent.submit(field.closest('form')!);
    expect(puts).toEqual([]);

    fireEvent.change(field, { target: { value: 'x'.repeat(MAX_VALUE_BYTES) } });
    expect(within(dialog).queryByText(/^The value is/)).not.toBeInTheDocument();
    await user.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toHaveLength(MAX_VALUE_BYTES);
  });
});

describe('the secret page without the detail endpoint', { timeout: 60_000 }, () => {
  /** The detail endpoint answers `status` (the rendered lists, same path shape, still work). */
  function detailAnswers(status: number) {
    const detailRequests: string[] = [];
    fake.server.use(
      http.get(`${TEST_API_BASE}${PATHS.secret}`, ({ params }) => {
        if (params.secretId === 'rendered') return undefined;
        detailRequests.push(String(params.secretId));
        return errorResponse(status, 'No route');
      }),
    );
    return detailRequests;
  }

  it('builds the page from the lists: masked values, reveal, set; asks the endpoint once per session', async () => {
    const detailRequests = detailAnswers(404);
    const user = userEvent.setup();
    const { router } = renderApp(`/apps/${APP}/secrets/${secretId('SMTP_PASSWORD')}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'SMTP_PASSWORD' })).toBeInTheDocument();
    expect(screen.queryByText(/^Purpose:/)).not.toBeInTheDocument();

    const dev = screen.getByRole('region', { name: 'Development' });
    expect(await within(dev).findByLabelText('Masked value in Development')).toHaveTextContent('••••••••');
    expect(await within(screen.getByRole('region', { name: 'QA' })).findByText('Not set')).toBeInTheDocument();
    await user.click(within(dev).getByRole('button', { name: 'Reveal value in Development' }));
    expect(await within(dev).findByLabelText('Value in Development')).toHaveTextContent(storedValue('SMTP_PASSWORD', 'env_dev') ?? '');

    await user.click(within(dev).getByRole('button', { name: 'Replace value in Development' }));
    await saveInSetValueDialog(user, 'Set SMTP_PASSWORD in Development', 'rotated without detail');
    expect(storedValue('SMTP_PASSWORD', 'env_dev')).toBe('rotated without detail');

    // Another secret, later in the session: straight from the lists.
    await act(() => router.navigate(`/apps/${APP}/secrets/${secretId('ADMIN_USERNAME')}`));
    expect(await screen.findByRole('heading', { level: 1, name: 'ADMIN_USERNAME' })).toBeInTheDocument();
    expect(detailRequests).toEqual([secretId('SMTP_PASSWORD')]);
  });

  it('says a secret no list has does not exist', async () => {
    detailAnswers(404);
    renderApp(`/apps/${APP}/secrets/sec_does_not_exist`);
    expect(await screen.findByText('This secret does not exist (any more)')).toBeInTheDocument();
  });

  it('with a write-only token: set or replace per environment, and why nothing is shown', async () => {
    const user = userEvent.setup();
    const id = secretId('SMTP_PASSWORD');
    renderApp(`/apps/${APP}/secrets/${id}`, { token: 'demo-write-token' });
    expect(await screen.findByText('Name and values are not shown')).toBeInTheDocument();
    expect(screen.getByText(/a Write token cannot read names or values/)).toBeInTheDocument();
    const qa = screen.getByRole('region', { name: 'QA' });
    await user.click(within(qa).getByRole('button', { name: 'Set or replace value in QA' }));
    await saveInSetValueDialog(user, 'Set this secret in QA', 'written blind');
    expect(storedValue('SMTP_PASSWORD', 'env_qa')).toBe('written blind');
    expect(await screen.findByText('Saved the new value of this secret in QA.')).toBeInTheDocument();
  });

  it('with a write-only token and no detail endpoint: the same page', async () => {
    detailAnswers(405);
    renderApp(`/apps/${APP}/secrets/${secretId('SMTP_PASSWORD')}`, { token: 'demo-write-token' });
    expect(await screen.findByText('Name and values are not shown')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set or replace value in Production' })).toBeInTheDocument();
  });
});
