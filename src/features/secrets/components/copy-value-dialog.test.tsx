import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { PATHS } from '@/api/contract';
import { quietActWarnings } from '@/testing/browse-helpers';
import { environment, renderDialog } from '@/testing/dialog-helpers';
import { APP, recordWrites, secretId, storedValue } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { CopyValueDialog } from './copy-value-dialog';

const fake = useFakeApi();
quietActWarnings();
afterEach(() => fake.server.events.removeAllListeners());

const NAME = 'PRODUCTION_ONLY_KEY';

/** The copy dialog of the secret's page for NAME into `targetId`, once its sources are known. */
async function openCopy(targetId: string, { token }: { token?: string } = {}) {
  const onSaved = vi.fn<(message: string) => void>();
  const onClose = vi.fn<() => void>();
  const onBeforeWrite = vi.fn<() => void>();
  const view = renderDialog(
    <CopyValueDialog
      appId={APP}
      secretId={secretId(fake, NAME)}
      secretName={NAME}
      target={environment(fake, targetId)}
      environments={fake.store.listEnvironments()}
      onClose={onClose}
      onSaved={onSaved}
      onBeforeWrite={onBeforeWrite}
    />,
    { token },
  );
  const dialog = await screen.findByRole('dialog', { name: new RegExp(`^Copy ${NAME} into `) });
  const source = within(dialog).getByRole('combobox', { name: 'Copy from' });
  return { ...view, dialog, source, onSaved, onClose, onBeforeWrite };
}

describe('the copy-value dialog', { timeout: 30_000 }, () => {
  beforeEach(() => {
    fake.store.setValue(APP, secretId(fake, NAME), 'env_dev', 'from-dev');
  });

  it('copies from the picked environment without showing the value', async () => {
    const prodValue = storedValue(fake, NAME, 'env_prod') ?? '';
    expect(prodValue).not.toBe('');
    const { user, dialog, source, onSaved, onClose, onBeforeWrite } = await openCopy('env_staging');
    // The first environment with a value is picked; one without is offered but cannot be picked.
    await waitFor(() => expect(source).toHaveTextContent('Development'));
    await user.click(source);
    expect(screen.getByRole('option', { name: 'QA (not set)' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('option', { name: 'Production' }));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(storedValue(fake, NAME, 'env_staging')).toBe(prodValue);
    expect(onBeforeWrite).toHaveBeenCalledTimes(1);
    expect(onSaved).toHaveBeenCalledWith(`Copied ${NAME} from Production to Staging.`);
    expect(document.body.textContent).not.toContain(prodValue);
  });

  it('asks before writing to production; Back sends nothing', async () => {
    const writes = recordWrites(fake);
    const { user, dialog, source, onClose } = await openCopy('env_prod');
    await waitFor(() => expect(source).toHaveTextContent('Development'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(within(dialog).getByText(/the value of PRODUCTION_ONLY_KEY there is replaced at once with the one from Development/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByRole('combobox', { name: 'Copy from' })).toHaveTextContent('Development');
    expect(await writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(storedValue(fake, NAME, 'env_prod')).toBe('from-dev');
    expect(await writes()).toHaveLength(1);
  });

  it('says when the source has no value any more, and writes nothing', async () => {
    const writes = recordWrites(fake);
    const { user, dialog, source, onClose } = await openCopy('env_staging');
    await waitFor(() => expect(source).toHaveTextContent('Development'));
    // Someone removes it meanwhile: the Full read finds it not set (as in QA).
    fake.server.use(
      http.get(`${TEST_API_BASE}${PATHS.rendered}`, ({ request }) =>
        new URL(request.url).searchParams.get('mode') === 'Full' ? HttpResponse.json(fake.store.rendered(APP, 'env_qa', 'Full', [NAME])) : undefined,
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    expect(await within(dialog).findByText(`${NAME} has no value in Development: there is nothing to copy.`)).toBeInTheDocument();
    expect(await writes()).toEqual([]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says which step failed: reading the source, or writing the target (with the read-only hint)', async () => {
    fake.faults.add({ match: { method: 'GET', path: /secrets\/rendered$/, mode: 'Full' }, fault: { kind: 'status', status: 500 } });
    const { user, dialog, source, onClose } = await openCopy('env_staging', { token: 'demo-read-token' });
    await waitFor(() => expect(source).toHaveTextContent('Development'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    const readAlert = await within(dialog).findByRole('alert');
    expect(readAlert).toHaveTextContent('Could not read the value in Development');
    expect(readAlert).toHaveTextContent(/Request id: req_/);

    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent('Could not set the value in Staging'));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/Write token \(optional\)/);
    expect(storedValue(fake, NAME, 'env_staging')).toBeUndefined();
    expect(onClose).not.toHaveBeenCalled();
  });
});
