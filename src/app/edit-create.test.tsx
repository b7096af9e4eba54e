import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { findTable, quietActWarnings, setupUser } from '@/testing/browse-helpers';
import { APP, recordWrites, secretId, storedValue } from '@/testing/edit-helpers';

const fake = useFakeApi();
quietActWarnings();
afterEach(() => fake.server.events.removeAllListeners());

async function openNewSecret(path = `/apps/${APP}/development`, options: Parameters<typeof renderApp>[1] = {}) {
  const user = setupUser();
  const view = renderApp(path, options);
  await findTable(/Secrets in/);
  await user.click(screen.getByRole('button', { name: 'New secret' }));
  const dialog = await screen.findByRole('dialog', { name: 'New secret' });
  return { user, dialog, ...view };
}

describe('create a secret', { timeout: 30_000 }, () => {
  it('validates the name as you type and offers UPPER_SNAKE_CASE', async () => {
    const { user, dialog } = await openNewSecret();
    const name = within(dialog).getByLabelText(/^Name/);
    await user.type(name, 'api k');
    expect(name).toHaveAccessibleDescription('Remove a space at position 4: a name has no spaces or invisible characters.');
    await user.clear(name);
    await user.paste('9lives');
    expect(name).toHaveAccessibleDescription('A name must not start with a digit.');
    await user.clear(name);
    await user.paste('webhook\u200bkey');
    expect(name).toHaveAccessibleDescription(/^Remove an invisible character \(U\+200B ZERO WIDTH SPACE\) at position 8/);
    await user.clear(name);
    await user.paste('webhook_key');
    expect(name).toHaveAccessibleDescription(/^Letters, digits and _/);
    await user.click(within(dialog).getByRole('button', { name: 'Use WEBHOOK_KEY' }));
    expect(name).toHaveValue('WEBHOOK_KEY');
    expect(within(dialog).queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
  });

  it('sends the contract’s exact bodies: create, then one request per initial value', async () => {
    const writes = recordWrites(fake);
    const { user, dialog } = await openNewSecret();
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('WEBHOOK_KEY');
    await user.click(within(dialog).getByRole('radio', { name: 'SSH key' }));
    await user.click(within(dialog).getByLabelText('Initial value in Development'));
    await user.paste('line 1\nline 2\n');
    await user.click(within(dialog).getByLabelText('Initial value in QA'));
    await user.paste('qa\tvalue');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Created WEBHOOK_KEY.')).toBeInTheDocument();
    const created = fake.store.getSecretByName(APP, 'WEBHOOK_KEY');
    expect(created).toMatchObject({ purposeType: 'SSHKey' });
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_dev')).toBe('line 1\nline 2\n');
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_qa')).toBe('qa\tvalue');
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_staging')).toBeUndefined();

    const sent = await writes();
    expect(sent.filter((w) => w.method === 'POST')).toEqual([
      { method: 'POST', path: `/apps/${APP}/secrets`, body: { name: 'WEBHOOK_KEY', purposeType: 'SSHKey', environmentScopedValues: [] } },
    ]);
    expect(sent.filter((w) => w.method === 'PUT').map((w) => w.body)).toEqual(
      expect.arrayContaining([
        {
          valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret',
          hidden: false,
          kvAppSecretValue: { typeHint: 'urn:app-secret:kv-secret-value:textType', text: 'line 1\nline 2\n' },
        },
      ]),
    );
    expect(sent.filter((w) => w.method === 'PUT')).toHaveLength(2);
    // The list refreshed with the new row.
    expect(await screen.findByText(`${fake.store.countSecrets(APP)} secrets in Development`)).toBeInTheDocument();
  });

  it('splits a pasted KEY=value into the name and the current environment’s initial value', async () => {
    const { user, dialog } = await openNewSecret(`/apps/${APP}/qa`);
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('NEW_TOKEN=s3cr3t value');
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('NEW_TOKEN');
    expect(within(dialog).getByLabelText('Initial value in QA')).toHaveValue('s3cr3t value');
    expect(within(dialog).getByLabelText('Initial value in Development')).toHaveValue('');
    expect(within(dialog).getByText(/the value to the initial value in QA/)).toBeInTheDocument();
  });

  it('says when the name exists and links to the existing secret (asking before dropping input)', async () => {
    const { user, dialog, router } = await openNewSecret();
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('STRIPE_API_KEY');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('STRIPE_API_KEY already exists');
    expect(alert).toHaveTextContent(/Request id: req_/);
    const link = within(dialog).getByRole('link', { name: 'Open the existing STRIPE_API_KEY' });
    const existing = `/apps/${APP}/secrets/${secretId(fake, 'STRIPE_API_KEY')}`;
    expect(link).toHaveAttribute('href', existing);

    await user.click(link);
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(existing));
    expect(await screen.findByRole('heading', { level: 1, name: 'STRIPE_API_KEY' })).toBeInTheDocument();
  });

  it('explains a read-only token on 403 and keeps the input', async () => {
    const { user, dialog } = await openNewSecret(`/apps/${APP}/development`, { token: 'demo-read-token' });
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('READ_ONLY_TRY');
    await user.click(within(dialog).getByLabelText('Initial value in Development'));
    await user.paste('kept');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not create the secret');
    expect(alert).toHaveTextContent(/read-only/);
    expect(alert).toHaveTextContent(/Write token \(optional\)/);
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('READ_ONLY_TRY');
    expect(within(dialog).getByLabelText('Initial value in Development')).toHaveValue('kept');
    expect(fake.store.getSecretByName(APP, 'READ_ONLY_TRY')).toBeUndefined();
  });

  it('keeps the input on a 500, then creates once when retried', async () => {
    const writes = recordWrites(fake);
    fake.faults.add({ match: { method: 'POST', path: /\/secrets$/ }, fault: { kind: 'status', status: 500 } });
    const { user, dialog } = await openNewSecret();
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('RETRY_ME');
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Injected fault: status 500');
    expect(alert).toHaveTextContent(/Request id: req_/);
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('RETRY_ME');

    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.store.getSecretByName(APP, 'RETRY_ME')).toBeDefined();
    expect((await writes()).filter((w) => w.method === 'POST')).toHaveLength(2);
  });

  it('on partial failure keeps the failed value and retries only it, without creating again', async () => {
    const writes = recordWrites(fake);
    fake.faults.add({ match: { method: 'PUT', path: /env_qa\/values$/ }, fault: { kind: 'status', status: 503 } });
    const { user, dialog } = await openNewSecret();
    await user.click(within(dialog).getByLabelText(/^Name/));
    await user.paste('PARTIAL');
    for (const [env, value] of [['Development', 'dev-v'], ['QA', 'qa-v'], ['Staging', 'stg-v']] as const) {
      await user.click(within(dialog).getByLabelText(`Initial value in ${env}`));
      await user.paste(value);
    }
    await user.click(within(dialog).getByRole('button', { name: 'Create secret' }));

    expect(await within(dialog).findByText('PARTIAL was created')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Saved in Development, Staging. Failed in QA.');
    expect(within(dialog).getByText('Could not set the value in QA')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Initial value in QA')).toHaveValue('qa-v');
    expect(within(dialog).getByLabelText('Initial value in Development')).toBeDisabled();
    expect(storedValue(fake, 'PARTIAL', 'env_qa')).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Retry failed values (1)' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue(fake, 'PARTIAL', 'env_qa')).toBe('qa-v');
    const sent = await writes();
    expect(sent.filter((w) => w.method === 'POST')).toHaveLength(1);
    const envsPut = sent.filter((w) => w.method === 'PUT').map((w) => w.path.split('/')[6]);
    expect(envsPut.slice(0, 3).sort()).toEqual(['env_dev', 'env_qa', 'env_staging']);
    expect(envsPut.slice(3)).toEqual(['env_qa']);
  });
});
