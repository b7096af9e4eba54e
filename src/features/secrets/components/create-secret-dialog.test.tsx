import { screen, waitFor, within } from '@testing-library/react';
import { quietActWarnings } from '@/testing/browse-helpers';
import { renderDialog, secretHref, waitForNoDialog, WRITE_RESPONSES } from '@/testing/dialog-helpers';
import { APP, recordWrites, secretId, storedValue } from '@/testing/edit-helpers';
import { useFakeApi } from '@/testing/fake-api';
import { NewSecretButton } from './new-secret-button';

const fake = useFakeApi();
quietActWarnings();
afterEach(() => fake.server.events.removeAllListeners());

/** The secrets page's "New secret" button (with its toast), the page showing `envId`. */
async function openNewSecret({ envId = 'env_dev', token }: { envId?: string; token?: string } = {}) {
  const view = renderDialog(<NewSecretButton appId={APP} environments={fake.store.listEnvironments()} defaultEnvId={envId} secretHref={secretHref} />, { token });
  await view.user.click(screen.getByRole('button', { name: 'New secret' }));
  const dialog = await screen.findByRole('dialog', { name: 'New secret' });
  const name = within(dialog).getByLabelText(/^Name/);
  /** Types into the name and the initial values given (by environment label) of the open dialog. */
  const fill = async (secretName: string, values: Record<string, string> = {}) => {
    const open = screen.getByRole('dialog', { name: 'New secret' });
    await view.user.click(within(open).getByLabelText(/^Name/));
    await view.user.paste(secretName);
    for (const [env, value] of Object.entries(values)) {
      await view.user.click(within(open).getByLabelText(`Initial value in ${env}`));
      await view.user.paste(value);
    }
  };
  /** Submits the form with its button, as a user does. */
  const create = () => view.user.click(within(dialog).getByRole('button', { name: 'Create secret' }));
  return { ...view, dialog, name, fill, create };
}

const PUT_BODY = (text: string) => ({
  valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret',
  hidden: false,
  kvAppSecretValue: { typeHint: 'urn:app-secret:kv-secret-value:textType', text },
});

describe('the create-secret dialog', { timeout: 30_000 }, () => {
  it('validates the name as you type and offers UPPER_SNAKE_CASE', async () => {
    const { user, dialog, name } = await openNewSecret();
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
    const { user, dialog, fill, create } = await openNewSecret();
    await fill('WEBHOOK_KEY', { Development: 'line 1\nline 2\n', QA: 'qa\tvalue' });
    await user.click(within(dialog).getByRole('radio', { name: 'SSH key' }));
    await create();

    await waitForNoDialog();
    expect(await screen.findByText('Created WEBHOOK_KEY.')).toBeInTheDocument();
    expect(fake.store.getSecretByName(APP, 'WEBHOOK_KEY')).toMatchObject({ purposeType: 'SSHKey' });
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_dev')).toBe('line 1\nline 2\n');
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_qa')).toBe('qa\tvalue');
    expect(storedValue(fake, 'WEBHOOK_KEY', 'env_staging')).toBeUndefined();

    const sent = await writes();
    expect(sent.filter((w) => w.method === 'POST')).toEqual([
      { method: 'POST', path: `/apps/${APP}/secrets`, body: { name: 'WEBHOOK_KEY', purposeType: 'SSHKey', environmentScopedValues: [] } },
    ]);
    const puts = sent.filter((w) => w.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts.map((w) => w.body)).toEqual(expect.arrayContaining([PUT_BODY('line 1\nline 2\n'), PUT_BODY('qa\tvalue')]));
  });

  it('splits a pasted KEY=value into the name and the current environment’s initial value', async () => {
    const { user, dialog, name } = await openNewSecret({ envId: 'env_qa' });
    await user.click(name);
    await user.paste('NEW_TOKEN=s3cr3t value');
    expect(name).toHaveValue('NEW_TOKEN');
    expect(within(dialog).getByLabelText('Initial value in QA')).toHaveValue('s3cr3t value');
    expect(within(dialog).getByLabelText('Initial value in Development')).toHaveValue('');
    expect(within(dialog).getByText(/the value to the initial value in QA/)).toBeInTheDocument();
  });

  it('says when the name exists and links to the existing secret, asking before dropping the input', async () => {
    const { user, dialog, router, fill, create } = await openNewSecret();
    await fill('STRIPE_API_KEY');
    await create();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('STRIPE_API_KEY already exists');
    expect(alert).toHaveTextContent(/Request id: req_/);
    const existing = secretHref(secretId(fake, 'STRIPE_API_KEY'));
    // The link names the name sent, even once the field changes.
    await user.type(within(dialog).getByLabelText(/^Name/), '_2');
    const link = within(dialog).getByRole('link', { name: 'Open the existing STRIPE_API_KEY' });
    expect(link).toHaveAttribute('href', existing);

    await user.click(link);
    await user.click(await screen.findByRole('button', { name: 'Leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(existing));
    await waitForNoDialog();
  });

  it('explains a read-only token on 403 and keeps the input', async () => {
    const { dialog, name, fill, create } = await openNewSecret({ token: 'demo-read-token' });
    await fill('READ_ONLY_TRY', { Development: 'kept' });
    await create();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not create the secret');
    expect(alert).toHaveTextContent(/read-only/);
    expect(alert).toHaveTextContent(/Write token \(optional\)/);
    expect(name).toHaveValue('READ_ONLY_TRY');
    expect(within(dialog).getByLabelText('Initial value in Development')).toHaveValue('kept');
    expect(fake.store.getSecretByName(APP, 'READ_ONLY_TRY')).toBeUndefined();
  });

  it('keeps the input on a 500, then creates once when retried', async () => {
    const writes = recordWrites(fake);
    fake.faults.add({ match: { method: 'POST', path: /\/secrets$/ }, fault: { kind: 'status', status: 500 } });
    const { dialog, name, fill, create } = await openNewSecret();
    await fill('RETRY_ME');
    await create();
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Injected fault: status 500');
    expect(alert).toHaveTextContent(/Request id: req_/);
    expect(name).toHaveValue('RETRY_ME');

    await create();
    await waitForNoDialog();
    expect(fake.store.getSecretByName(APP, 'RETRY_ME')).toBeDefined();
    expect((await writes()).filter((w) => w.method === 'POST')).toHaveLength(2);
  });

  it('on partial failure keeps the failed value and retries only it, without creating again', async () => {
    const writes = recordWrites(fake);
    fake.faults.add({ match: { method: 'PUT', path: /env_qa\/values$/ }, fault: { kind: 'status', status: 503 } });
    const { user, dialog, fill, create } = await openNewSecret();
    await fill('PARTIAL', { Development: 'dev-v', QA: 'qa-v', Staging: 'stg-v' });
    await create();

    expect(await within(dialog).findByText('PARTIAL was created')).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent('Saved in Development, Staging. Failed in QA.');
    expect(within(dialog).getByText('Could not set the value in QA')).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Initial value in QA')).toHaveValue('qa-v');
    expect(within(dialog).getByLabelText('Initial value in Development')).toBeDisabled();
    expect(storedValue(fake, 'PARTIAL', 'env_qa')).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Retry failed values (1)' }));
    await waitForNoDialog();
    expect(await screen.findByText('Created PARTIAL.')).toBeInTheDocument();
    expect(storedValue(fake, 'PARTIAL', 'env_qa')).toBe('qa-v');
    const sent = await writes();
    expect(sent.filter((w) => w.method === 'POST')).toHaveLength(1);
    const envsPut = sent.filter((w) => w.method === 'PUT').map((w) => w.path.split('/')[6]);
    expect(envsPut.slice(0, 3).sort()).toEqual(['env_dev', 'env_qa', 'env_staging']);
    expect(envsPut.slice(3)).toEqual(['env_qa']);
  });

  it('on partial failure, closing asks first and says which values were not saved', async () => {
    fake.faults.add({ match: { method: 'PUT', path: /env_qa\/values$/ }, fault: { kind: 'status', status: 503 } });
    const { user, dialog, fill, create } = await openNewSecret();
    await fill('GIVEN_UP', { Development: 'dev-v', QA: 'qa-v' });
    await create();
    expect(await within(dialog).findByText('GIVEN_UP was created')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const discard = await screen.findByRole('dialog', { name: 'Discard changes?' });
    expect(discard).toHaveTextContent('Initial values that were not saved will be lost. GIVEN_UP itself exists.');
    await user.click(within(discard).getByRole('button', { name: 'Discard' }));
    await waitForNoDialog();
    expect(await screen.findByText('Created GIVEN_UP; 1 initial value was not saved.')).toBeInTheDocument();
  });

  it('asks before writing to production; Back keeps the input and sends nothing', async () => {
    const writes = recordWrites(fake);
    const { user, dialog, fill, create } = await openNewSecret();
    await fill('PROD_TOO', { Development: 'dev-v', Production: 'prod-v' });
    await create();
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(within(dialog).getByText('Production is a production environment: the value is live there as soon as it is saved.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText(/^Name/)).toHaveValue('PROD_TOO');
    expect(within(dialog).getByLabelText('Initial value in Production')).toHaveValue('prod-v');
    expect(await writes()).toEqual([]);

    await create();
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'PROD_TOO', 'env_prod')).toBe('prod-v');
    expect(storedValue(fake, 'PROD_TOO', 'env_dev')).toBe('dev-v');
  });

  it('asks before discarding typed input, and closes at once when nothing was typed', async () => {
    const { user, fill } = await openNewSecret();
    await user.keyboard('{Escape}');
    await waitForNoDialog();

    await user.click(screen.getByRole('button', { name: 'New secret' }));
    await fill('HALF_TYPED');
    await user.keyboard('{Escape}');
    const discard = await screen.findByRole('dialog', { name: 'Discard changes?' });
    expect(discard).toHaveTextContent('The secret has not been created and what you typed will be lost.');
    await user.click(within(discard).getByRole('button', { name: 'Keep editing' }));
    expect(within(await screen.findByRole('dialog', { name: 'New secret' })).getByLabelText(/^Name/)).toHaveValue('HALF_TYPED');
  });
});

describe.each(WRITE_RESPONSES)('the create-secret dialog with writes answered the %s way', { timeout: 30_000 }, (mode) => {
  it('announces the secret under the submitted name, with an Open link to the returned id', async () => {
    fake.settings.writeResponses = mode;
    const { fill, create } = await openNewSecret();
    await fill('LEAN_ANSWER_KEY', { Development: 'dev value', QA: 'qa value' });
    await create();

    await waitForNoDialog();
    expect(await screen.findByText('Created LEAN_ANSWER_KEY.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('href', secretHref(secretId(fake, 'LEAN_ANSWER_KEY')));
    expect(storedValue(fake, 'LEAN_ANSWER_KEY', 'env_dev')).toBe('dev value');
    expect(storedValue(fake, 'LEAN_ANSWER_KEY', 'env_qa')).toBe('qa value');
    expect(document.body.textContent).not.toMatch(/does not match the contract|Unexpected response/);
  });
});
