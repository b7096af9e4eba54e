/**
 * What the real service may answer and the fake does too: a server without the secret-detail
 * endpoint. (The dialogs' tests cover the leanest write answers, `writeResponses`.)
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { APP, saveInSetValueDialog, secretId as secretIdIn, storedValue as storedValueIn } from '@/testing/edit-helpers';
import { renderApp, TEST_API_BASE, useFakeApi } from '@/testing/render-app';
import { PATHS } from '@/api/contract';
import { errorResponse } from '../../mocks/responses.ts';

const fake = useFakeApi();

afterEach(() => fake.server.events.removeAllListeners());

const storedValue = (name: string, envId: string) => storedValueIn(fake, name, envId);
const secretId = (name: string) => secretIdIn(fake, name);

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
