import { act, fireEvent, screen, waitFor, waitForElementToBeRemoved, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, useFakeApi } from '@/testing/render-app';

const fake = useFakeApi();
const APP = 'app_payments';

/** Non-GET requests the fake received: method, path and the JSON body as sent. */
function recordWrites() {
  const writes: Array<Promise<{ method: string; path: string; body: unknown }>> = [];
  fake.server.events.on('request:start', ({ request }) => {
    if (request.method === 'GET') return;
    const { pathname } = new URL(request.url);
    writes.push(request.clone().text().then((text) => ({ method: request.method, path: pathname.replace(/^\/api/, ''), body: JSON.parse(text) as unknown })));
  });
  return () => Promise.all(writes);
}

afterEach(() => fake.server.events.removeAllListeners());

function storedValue(name: string, envId: string): string | undefined {
  const secret = fake.store.rendered(APP, envId, 'Full', [name])?.secrets.find((s) => s.key === name);
  return secret?.serializedValue;
}

function secretId(name: string): string {
  const secret = fake.store.getSecretByName(APP, name);
  if (!secret) throw new Error(`no secret ${name}`);
  return secret.id;
}

async function openNewSecret(path = `/apps/${APP}/development`, options: Parameters<typeof renderApp>[1] = {}) {
  const user = userEvent.setup();
  const view = renderApp(path, options);
  await screen.findByRole('table', { name: /Secrets in/ });
  await user.click(screen.getByRole('button', { name: 'New secret' }));
  const dialog = await screen.findByRole('dialog', { name: 'New secret' });
  return { user, dialog, ...view };
}

async function openEditor(name: string, path = `/apps/${APP}/development`, options: Parameters<typeof renderApp>[1] = {}) {
  const user = userEvent.setup();
  const view = renderApp(path, options);
  const trigger = await screen.findByRole('button', { name: `Edit ${name}` });
  await user.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: new RegExp(`^Set ${name} in `) });
  const field = within(dialog).getByLabelText('New value');
  return { user, dialog, field: field as HTMLTextAreaElement, trigger, ...view };
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
    const writes = recordWrites();
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
    expect(storedValue('WEBHOOK_KEY', 'env_dev')).toBe('line 1\nline 2\n');
    expect(storedValue('WEBHOOK_KEY', 'env_qa')).toBe('qa\tvalue');
    expect(storedValue('WEBHOOK_KEY', 'env_staging')).toBeUndefined();

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
    const existing = `/apps/${APP}/secrets/${secretId('STRIPE_API_KEY')}`;
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
    const writes = recordWrites();
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
    const writes = recordWrites();
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
    expect(storedValue('PARTIAL', 'env_qa')).toBeUndefined();

    await user.click(within(dialog).getByRole('button', { name: 'Retry failed values (1)' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('PARTIAL', 'env_qa')).toBe('qa-v');
    const sent = await writes();
    expect(sent.filter((w) => w.method === 'POST')).toHaveLength(1);
    const envsPut = sent.filter((w) => w.method === 'PUT').map((w) => w.path.split('/')[6]);
    expect(envsPut.slice(0, 3).sort()).toEqual(['env_dev', 'env_qa', 'env_staging']);
    expect(envsPut.slice(3)).toEqual(['env_qa']);
  });
});

describe('set a value in one environment', { timeout: 30_000 }, () => {
  it('starts empty, opts out of password managers, sends the exact text and returns focus', async () => {
    const writes = recordWrites();
    const { user, dialog, field, trigger } = await openEditor('ADMIN_USERNAME');
    expect(field).toHaveValue('');
    expect(field).toHaveAttribute('autocomplete', 'off');
    expect(field).toHaveAttribute('spellcheck', 'false');
    expect(field).toHaveAttribute('data-1p-ignore');
    expect(field).toHaveAttribute('data-lpignore', 'true');
    expect(field).toHaveAttribute('data-masked', 'true');
    expect(field.closest('form')?.querySelector('input[type=password], input[autocomplete=username]')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Show new value' }));
    expect(field).toHaveAttribute('data-masked', 'false');

    await user.click(field);
    await user.paste('  padded\n');
    expect(within(dialog).getByText('The value starts with 2 spaces and ends with a line break. It is saved exactly as typed.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toBe('  padded\n');
    expect((await writes()).map((w) => w.body)).toEqual([
      {
        valueTypeUrn: 'urn:app-secret:app-secret-type:keyValueAppSecret',
        hidden: false,
        kvAppSecretValue: { typeHint: 'urn:app-secret:kv-secret-value:textType', text: '  padded\n' },
      },
    ]);
    expect(await screen.findByText('Saved the new value of ADMIN_USERNAME in Development.')).toBeInTheDocument();
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('offers to trim leading and trailing whitespace', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste(' value\n');
    await user.click(within(dialog).getByRole('button', { name: 'Trim it' }));
    expect(field).toHaveValue('value');
    expect(within(dialog).queryByRole('button', { name: 'Trim it' })).not.toBeInTheDocument();
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 } as const, 'Injected fault: status 500'],
    ['a network failure', { kind: 'network' } as const, 'Could not reach the API'],
  ])('keeps the input on %s and saves on retry', async (_label, fault, message) => {
    fake.faults.add({ match: { method: 'PUT', path: /values$/ }, fault });
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('keep me');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(field).toHaveValue('keep me');
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).not.toBe('keep me');

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toBe('keep me');
  });

  it('explains a read-only token on 403', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', `/apps/${APP}/development`, { token: 'demo-read-token' });
    await user.click(field);
    await user.paste('nope');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Write scope');
    expect(alert).toHaveTextContent(/sign in again and add a token with Write scope in “Write token \(optional\)”/);
    expect(field).toHaveValue('nope');
  });

  it('cannot send twice on a double submit', async () => {
    const writes = recordWrites();
    const { user, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('once');
    const form = field.closest('form');
    if (!form) throw new Error('no form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await writes()).filter((w) => w.method === 'PUT')).toHaveLength(1);
  });

  it('asks for confirmation in production', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', `/apps/${APP}/production`);
    await user.click(field);
    await user.paste('prod-admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(storedValue('ADMIN_USERNAME', 'env_prod')).toBe('admin');
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('New value')).toHaveValue('prod-admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_prod')).toBe('prod-admin');
  });

  it('warns when the environment changed since the editor opened', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('mine');
    // Someone else changes the environment meanwhile.
    fake.store.setValue(APP, secretId('SMTP_USERNAME'), 'env_dev', 'theirs');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This environment changed since you opened the editor')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Review ADMIN_USERNAME' })).toHaveAttribute('href', `/apps/${APP}/secrets/${secretId('ADMIN_USERNAME')}`);
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).not.toBe('mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toBe('mine');
  });

  it('asks before discarding typed input (Escape, Cancel, navigation, unload)', async () => {
    const { user, dialog, field, router, trigger } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('unsaved');

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await act(() => router.navigate('/apps'));
    const leave = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    await user.click(within(leave).getByRole('button', { name: 'Stay' }));
    await waitForElementToBeRemoved(leave);
    expect(router.state.location.pathname).toBe(`/apps/${APP}/development`);
    expect(field).toHaveValue('unsaved');

    await user.click(field);
    await user.keyboard('{Escape}');
    const discard = await screen.findByRole('dialog', { name: 'Discard changes?' });
    await user.click(within(discard).getByRole('button', { name: 'Keep editing' }));
    expect(field).toHaveValue('unsaved');

    await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(trigger).toHaveFocus());

    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('round-trips new lines, tabs, emoji, <script> and 64 KB byte for byte, shown as inert text', async () => {
    const value = `line 1\nline 2\n\tindented 🔐👩‍💻 <script>window.__pwned = true</script> & "q"\n${'x'.repeat(64 * 1024)}\n`;
    const { user, dialog, field, router } = await openEditor('ADMIN_USERNAME');
    fireEvent.change(field, { target: { value } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('ADMIN_USERNAME', 'env_dev')).toBe(value);

    await act(() => router.navigate(`/apps/${APP}/secrets/${secretId('ADMIN_USERNAME')}`));
    const section = await screen.findByRole('region', { name: 'Development' });
    await user.click(within(section).getByRole('button', { name: 'Reveal value in Development' }));
    const shown = await within(section).findByLabelText('Value in Development');
    expect(shown.textContent).toBe(value);
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});

describe('the secret page', { timeout: 30_000 }, () => {
  it('shows every environment, reveals per environment, and drops a revealed value after a write', async () => {
    const user = userEvent.setup();
    renderApp(`/apps/${APP}/secrets/${secretId('SMTP_PASSWORD')}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'SMTP_PASSWORD' })).toBeInTheDocument();
    expect(screen.getByText('Purpose: Username or password')).toBeInTheDocument();
    const qa = screen.getByRole('region', { name: 'QA' });
    expect(await within(qa).findByText('Not set')).toBeInTheDocument();
    const dev = screen.getByRole('region', { name: 'Development' });
    expect(await within(dev).findByLabelText('Masked value in Development')).toHaveTextContent('••••••••');

    const devValue = storedValue('SMTP_PASSWORD', 'env_dev') ?? '';
    await user.click(within(dev).getByRole('button', { name: 'Reveal value in Development' }));
    expect(await within(dev).findByLabelText('Value in Development')).toHaveTextContent(devValue);

    await user.click(within(dev).getByRole('button', { name: 'Replace value in Development' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set SMTP_PASSWORD in Development' });
    expect(within(dialog).getByLabelText('New value')).toHaveValue('');
    await user.click(within(dialog).getByLabelText('New value'));
    await user.paste('rotated');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('SMTP_PASSWORD', 'env_dev')).toBe('rotated');
    expect(within(dev).queryByLabelText('Value in Development')).not.toBeInTheDocument();
    expect(within(dev).getByRole('button', { name: 'Reveal value in Development' })).toHaveAttribute('aria-pressed', 'false');

    // "Set value" for an environment without one; the page refreshes.
    await user.click(within(qa).getByRole('button', { name: 'Set value in QA' }));
    const qaDialog = await screen.findByRole('dialog', { name: 'Set SMTP_PASSWORD in QA' });
    await user.click(within(qaDialog).getByLabelText('New value'));
    await user.paste('now set in qa');
    await user.click(within(qaDialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(qa).queryByText('Not set')).not.toBeInTheDocument());
    expect(within(qa).getByLabelText('Masked value in QA')).toBeInTheDocument();
  });

  it('copies a value from another environment without showing it, confirming production', async () => {
    const user = userEvent.setup();
    const id = secretId('PRODUCTION_ONLY_KEY');
    fake.store.setValue(APP, id, 'env_dev', 'from-dev');
    const prodValue = storedValue('PRODUCTION_ONLY_KEY', 'env_prod') ?? '';
    expect(prodValue).not.toBe('');
    renderApp(`/apps/${APP}/secrets/${id}`);
    await screen.findByRole('heading', { level: 1, name: 'PRODUCTION_ONLY_KEY' });

    const staging = screen.getByRole('region', { name: 'Staging' });
    await within(staging).findByText('Not set');
    await user.click(within(staging).getByRole('button', { name: 'Copy into Staging from another environment' }));
    let dialog = await screen.findByRole('dialog', { name: 'Copy PRODUCTION_ONLY_KEY into Staging' });
    const source = within(dialog).getByRole('combobox', { name: 'Copy from' });
    await waitFor(() => expect(source).toHaveTextContent('Development'));
    await user.click(source);
    expect(screen.getByRole('option', { name: 'QA (not set)' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('option', { name: 'Production' }));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('PRODUCTION_ONLY_KEY', 'env_staging')).toBe(prodValue);
    expect(document.body.textContent).not.toContain(prodValue);
    expect(await screen.findByText('Copied PRODUCTION_ONLY_KEY from Production to Staging.')).toBeInTheDocument();

    // Into production: a second step first.
    const production = screen.getByRole('region', { name: 'Production' });
    await user.click(within(production).getByRole('button', { name: 'Copy into Production from another environment' }));
    dialog = await screen.findByRole('dialog', { name: 'Copy PRODUCTION_ONLY_KEY into Production' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Copy from' })).toHaveTextContent('Development'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(storedValue('PRODUCTION_ONLY_KEY', 'env_prod')).toBe(prodValue);
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue('PRODUCTION_ONLY_KEY', 'env_prod')).toBe('from-dev');
  });
});
