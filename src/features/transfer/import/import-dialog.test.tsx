import type { ReactElement } from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '@/api/api-error';
import { VALUE_TYPE, type Environment, type RenderedSecret } from '@/api/contract';
import { createQueryClient } from '@/api/query-client';
import { setupUser } from '@/testing/browse-helpers';
import type { TransferApi } from '../transfer-api';
import { ImportDialog } from './import-dialog';

const DEV: Environment = { id: 'env_dev', slug: 'dev', name: 'Development', label: '' };
const PRODUCTION: Environment = { id: 'env_prod', slug: 'production', name: 'Production', label: 'Production' };

/** An in-memory service: secrets by name, values per environment; `failNext` makes the next write of a key fail, `hold` keeps writes waiting. */
function stubApi() {
  const ids = new Map<string, string>([['EXISTING', 'sec_existing']]);
  const values = new Map<string, string>([[`${DEV.id}/sec_existing`, 'old-value']]);
  const failNext = new Set<string>();
  const state = { hold: false };
  const nameOf = (secretId: string) => [...ids].find(([, id]) => id === secretId)?.[0] ?? '?';
  const api: TransferApi = {
    appId: 'app_1',
    appName: 'My App',
    environments: [DEV, PRODUCTION],
    apiEndpoint: undefined,
    readFull: vi.fn(async (envId: string, names: readonly string[] | undefined) =>
      [...ids]
        .filter(([key, id]) => (!names || names.includes(key)) && values.has(`${envId}/${id}`))
        .map(([key, secretId]): RenderedSecret => ({ key, secretId, valueType: VALUE_TYPE.string, serializedValue: values.get(`${envId}/${secretId}`) ?? '' })),
    ),
    readMasked: vi.fn(async (envId: string) =>
      [...ids].map(([key, secretId]): RenderedSecret => {
        const value = values.get(`${envId}/${secretId}`);
        return value === undefined ? { key, secretId, valueType: VALUE_TYPE.none } : { key, secretId, valueType: VALUE_TYPE.string, serializedValue: '••••' };
      }),
    ),
    createSecret: vi.fn(async (name: string) => {
      let id = ids.get(name);
      if (!id) ids.set(name, (id = `sec_${ids.size}`));
      return id;
    }),
    write: vi.fn(async ({ secretId, envId, text }: { secretId: string; envId: string; text: string }, signal: AbortSignal) => {
      if (state.hold) await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
      const name = nameOf(secretId);
      if (failNext.delete(name)) throw new ApiError({ kind: 'http', endpoint: 'set value', status: 500, message: 'The server failed.', requestId: 'req_9' });
      values.set(`${envId}/${secretId}`, text);
    }),
    onWritten: vi.fn(),
  };
  const valueIn = (envId: string, name: string) => values.get(`${envId}/${ids.get(name)}`);
  return { api, failNext, state, valueIn };
}

function renderDialog(element: ReactElement) {
  const queryClient = createQueryClient({ retry: false });
  const user = setupUser();
  render(<QueryClientProvider client={queryClient}>{element}</QueryClientProvider>);
  return { user, dialog: screen.getByRole('dialog', { name: 'Import secrets' }) };
}

const ENV_FILE = ['# local settings', 'DB_HOST=db.internal', 'EXISTING=new-value', 'stripe-key=sk_test_abc', 'DB_HOST=db.replica', 'not a line', 'TOKEN=abc # cut here', ''].join('\n');

describe('the import dialog', () => {
  it('reads a chosen file into one row per key (no value anywhere in the page), fixes a name, and writes the included keys', async () => {
    const { api, valueIn } = stubApi();
    const onClose = vi.fn();
    const { user, dialog } = renderDialog(<ImportDialog api={api} envId={undefined} onClose={onClose} />);
    expect(within(dialog).getByRole('combobox', { name: 'Into environment' })).toHaveValue(DEV.id);
    await user.upload(within(dialog).getByLabelText(/^Choose a file/), new File([ENV_FILE], 'local.env', { type: 'text/plain' }));

    expect(await within(dialog).findByText('local.env · 4 keys')).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox', { name: 'Paste' })).toBeNull();
    expect(within(dialog).getByRole('combobox', { name: 'Format' })).toHaveValue('env');
    const rows = await within(dialog).findByRole('list', { name: 'Keys to import' });
    expect(within(rows).getByRole('checkbox', { name: 'Include DB_HOST' })).toBeChecked();
    expect(within(rows).getByRole('checkbox', { name: 'Include EXISTING' })).toBeChecked();
    expect(within(rows).getByRole('checkbox', { name: 'Include stripe-key' })).toBeDisabled();
    expect(rows).toHaveTextContent('written on lines 2 and 5; line 5 wins');
    expect(dialog).toHaveTextContent(/Line 6/);
    const summary = within(dialog).getByRole('region', { name: 'Summary' });
    expect(summary).toHaveTextContent('2 keys new in Development');
    expect(summary).toHaveTextContent('1 key will replace a value');
    expect(summary).toHaveTextContent('1 invalid name (skipped)');

    await user.click(within(rows).getByRole('button', { name: 'Use STRIPE_KEY' }));
    expect(within(rows).getByRole('checkbox', { name: 'Include STRIPE_KEY' })).toBeChecked();
    await user.click(within(rows).getByRole('checkbox', { name: 'Include TOKEN' }));
    for (const value of ['db.internal', 'db.replica', 'new-value', 'sk_test_abc', 'old-value']) expect(document.body.innerHTML).not.toContain(value);

    await user.click(within(dialog).getByRole('button', { name: 'Import 3 secrets' }));
    expect(await within(dialog).findByText('Imported 3 of 3 secrets.')).toBeInTheDocument();
    expect([valueIn(DEV.id, 'DB_HOST'), valueIn(DEV.id, 'EXISTING'), valueIn(DEV.id, 'STRIPE_KEY'), valueIn(DEV.id, 'TOKEN')]).toEqual(['db.replica', 'new-value', 'sk_test_abc', undefined]);
    expect(api.createSecret).toHaveBeenCalledTimes(2);
    expect(api.onWritten).toHaveBeenCalledWith(DEV.id);
    expect(within(rows).getAllByText('Imported')).toHaveLength(3);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('asks again for production, keeps the pasted text after a failed write, and retries only the failed one', async () => {
    const { api, failNext, valueIn } = stubApi();
    failNext.add('B_KEY');
    const { user, dialog } = renderDialog(<ImportDialog api={api} envId={PRODUCTION.id} onClose={vi.fn()} />);
    const paste = within(dialog).getByRole('textbox', { name: 'Paste' });
    fireEvent.change(paste, { target: { value: 'A_KEY=alpha\nB_KEY=beta\n' } });
    await within(dialog).findByRole('checkbox', { name: 'Include B_KEY' });

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 secrets' }));
    expect(dialog).toHaveTextContent('2 secrets will be written in Production, a production environment.');
    expect(api.write).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Import into Production' }));

    expect(await within(dialog).findByText('Imported 1 of 2 secrets, 1 failed.')).toBeInTheDocument();
    expect(within(dialog).getByRole('list', { name: 'Failed keys' })).toHaveTextContent('B_KEY: The server failed. (request id req_9)');
    expect(within(dialog).getByRole('textbox', { name: 'Paste' })).toHaveValue('A_KEY=alpha\nB_KEY=beta\n');

    await user.click(within(dialog).getByRole('button', { name: 'Retry the failed ones' }));
    expect(await within(dialog).findByText('Imported 2 of 2 secrets.')).toBeInTheDocument();
    expect([valueIn(PRODUCTION.id, 'A_KEY'), valueIn(PRODUCTION.id, 'B_KEY')]).toEqual(['alpha', 'beta']);
    expect(api.createSecret).toHaveBeenCalledTimes(2);
    expect(api.write).toHaveBeenCalledTimes(3);

    await user.click(within(dialog).getByRole('button', { name: 'Back to editing' }));
    expect(within(dialog).getByRole('textbox', { name: 'Paste' })).toHaveValue('A_KEY=alpha\nB_KEY=beta\n');
    // Now both exist with a value: they would replace, until a compare finds them the same.
    expect(await within(dialog).findByText('2 keys will replace a value')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Compare with current values' }));
    expect(await within(dialog).findByText('2 keys already have this value (skipped)')).toBeInTheDocument();
    expect(api.readFull).toHaveBeenCalledWith(PRODUCTION.id, ['A_KEY', 'B_KEY'], expect.any(AbortSignal));
    expect(within(dialog).getByRole('checkbox', { name: 'Include A_KEY' })).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Import 0 secrets' })).toBeDisabled();
    expect(within(dialog).getByRole('list', { name: 'Keys to import' })).not.toHaveTextContent(/alpha|beta/);
  });

  it('refuses a file over the size limit, asks before dropping pasted text, asks before closing while writing, and stops the writes', async () => {
    const { api, state } = stubApi();
    state.hold = true;
    const onClose = vi.fn();
    const { user, dialog } = renderDialog(<ImportDialog api={api} envId={DEV.id} onClose={onClose} />);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Paste' }), { target: { value: 'A_KEY=alpha' } });
    // A file past the size limit is refused before it is read; the pasted text stays.
    await user.upload(within(dialog).getByLabelText(/^Choose a file/), new File(['x'.repeat(5 * 1024 * 1024 + 1)], 'huge.env', { type: 'text/plain' }));
    expect(await within(dialog).findByText('huge.env is 5,242,881 bytes; an import reads at most 5,242,880 bytes (5 MB). Split it into smaller files.')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Paste' })).toHaveValue('A_KEY=alpha');
    // Before anything is sent, closing asks before the pasted text is dropped.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Keep editing' }));
    expect(await within(dialog).findByRole('textbox', { name: 'Paste' })).toHaveValue('A_KEY=alpha');
    await user.click(await within(dialog).findByRole('button', { name: 'Import 1 secret' }));
    expect(await within(dialog).findByText('Written 0 of 1…')).toBeInTheDocument();

    fireEvent.keyDown(dialog, { key: 'Escape' });
    const ask = await screen.findByRole('dialog', { name: 'Stop the import?' });
    expect(onClose).not.toHaveBeenCalled();
    await user.click(within(ask).getByRole('button', { name: 'Stop the import' }));
    expect(onClose).toHaveBeenCalled();
    await vi.waitFor(() => expect((vi.mocked(api.write).mock.calls[0]?.[1] as AbortSignal).aborted).toBe(true));
  });
});
