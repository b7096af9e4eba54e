import { useState } from 'react';
import { fireEvent, screen, waitFor, waitForElementToBeRemoved, within } from '@testing-library/react';
import { MAX_VALUE_BYTES } from '@/api/contract';
import { quietActWarnings } from '@/testing/browse-helpers';
import { DIALOG_PATH, environment, renderDialog, secretHref, waitForNoDialog, WRITE_RESPONSES } from '@/testing/dialog-helpers';
import { APP, recordWrites, secretId, storedValue } from '@/testing/edit-helpers';
import { useFakeApi } from '@/testing/fake-api';
import { RevealedValue } from './revealed-value';
import { SetValueHost } from './set-value-host';

const fake = useFakeApi();
quietActWarnings();
afterEach(() => fake.server.events.removeAllListeners());

interface EditButtonProps {
  name: string;
  envId: string;
  readable?: boolean;
  /** After a save, reveal the value the way the secret's page does. */
  reveal?: boolean;
}

/** One row's Edit button and the page's host of the dialog (which announces a save). */
function EditButton({ name, envId, readable, reveal = false }: EditButtonProps) {
  const [editing, setEditing] = useState(false);
  const [revealedUntil, setRevealedUntil] = useState<number | null>(null);
  const target = { secretId: secretId(fake, name), secretName: name, environment: environment(fake, envId) };
  return (
    <>
      <button type="button" onClick={() => setEditing(true)}>
        Edit {name}
      </button>
      <SetValueHost appId={APP} target={editing ? target : null} onClose={() => setEditing(false)} onBeforeWrite={() => setRevealedUntil(Date.now() + 60_000)} secretHref={secretHref} readable={readable} />
      {reveal && revealedUntil !== null && !editing ? (
        <RevealedValue appId={APP} envId={envId} name={name} source="single" expiresAt={revealedUntil} label="Revealed value" />
      ) : null}
    </>
  );
}

async function openEditor(name: string, envId = 'env_dev', { token, ...props }: { token?: string } & Omit<EditButtonProps, 'name' | 'envId'> = {}) {
  const view = renderDialog(<EditButton name={name} envId={envId} {...props} />, { token });
  const trigger = screen.getByRole('button', { name: `Edit ${name}` });
  await view.user.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: new RegExp(`^Set ${name} in `) });
  const field = within(dialog).getByLabelText('New value') as HTMLTextAreaElement;
  return { ...view, dialog, field, trigger };
}

describe('the set-value dialog', { timeout: 30_000 }, () => {
  it('starts empty, opts out of password managers, sends the exact text, says so and returns focus', async () => {
    const writes = recordWrites(fake);
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

    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('  padded\n');
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
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).not.toBe('keep me');

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('keep me');
  });

  it('explains a read-only token on 403, with the request id, and keeps the input', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', 'env_dev', { token: 'demo-read-token' });
    await user.click(field);
    await user.paste('nope');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not save ADMIN_USERNAME in Development');
    expect(alert).toHaveTextContent(/sign in again and add a token with Write scope in “Write token \(optional\)”/);
    expect(alert).toHaveTextContent(/Request id: req_/);
    expect(field).toHaveValue('nope');
  });

  it('cannot send twice on a double submit', async () => {
    const writes = recordWrites(fake);
    const { user, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('once');
    const form = field.closest('form');
    if (!form) throw new Error('no form');
    fireEvent.submit(form);
    fireEvent.submit(form);
    await waitForNoDialog();
    expect((await writes()).filter((w) => w.method === 'PUT')).toHaveLength(1);
  });

  it('asks for confirmation in production; Back keeps the input', async () => {
    const writes = recordWrites(fake);
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', 'env_prod');
    await user.click(field);
    await user.paste('prod-admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(within(dialog).getByText(/Saving replaces the value of ADMIN_USERNAME there at once/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('New value')).toHaveValue('prod-admin');
    expect(await writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_prod')).toBe('prod-admin');
    expect(await writes()).toHaveLength(1);
  });

  it('warns when the environment changed since the editor opened, and overwrites only when asked', async () => {
    const { user, dialog, field, queryClient } = await openEditor('ADMIN_USERNAME');
    // The editor reads the environment's digest as it opens.
    await waitFor(() => expect(queryClient.getQueryCache().getAll().some((query) => query.state.data !== undefined)).toBe(true));
    await user.click(field);
    await user.paste('mine');
    // Someone else changes the environment meanwhile.
    fake.store.setValue(APP, secretId(fake, 'SMTP_USERNAME'), 'env_dev', 'theirs');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This environment changed since you opened the editor')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Review ADMIN_USERNAME' })).toHaveAttribute('href', secretHref(secretId(fake, 'ADMIN_USERNAME')));
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).not.toBe('mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('mine');
  });

  it('asks before discarding typed input (unload, navigation, Escape, Cancel)', async () => {
    const before = storedValue(fake, 'ADMIN_USERNAME', 'env_dev');
    const { user, dialog, field, router, trigger } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('unsaved');

    const unload = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    // Back/Forward or a link elsewhere while the dialog is open.
    void router.navigate('/apps');
    const leave = await screen.findByRole('dialog', { name: 'Leave with unsaved changes?' });
    await user.click(within(leave).getByRole('button', { name: 'Stay' }));
    await waitForElementToBeRemoved(leave);
    expect(router.state.location.pathname).toBe(DIALOG_PATH);
    expect(field).toHaveValue('unsaved');

    await user.click(field);
    await user.keyboard('{Escape}');
    const discard = await screen.findByRole('dialog', { name: 'Discard changes?' });
    expect(discard).toHaveTextContent('The value you typed for ADMIN_USERNAME in Development has not been saved.');
    await user.click(within(discard).getByRole('button', { name: 'Keep editing' }));
    expect(field).toHaveValue('unsaved');

    await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Discard changes?' })).getByRole('button', { name: 'Discard' }));
    await waitForNoDialog();
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe(before);

    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('closes at once on Escape when nothing was typed', async () => {
    const { user } = await openEditor('ADMIN_USERNAME');
    await user.keyboard('{Escape}');
    await waitForNoDialog();
  });

  it('round-trips new lines, tabs, emoji, <script> and 64 KB byte for byte, shown as inert text', async () => {
    const value = `line 1\nline 2\n\tindented 🔐👩‍💻 <script>window.__pwned = true</script> & "q"\n${'x'.repeat(64 * 1024)}\n`;
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', 'env_dev', { reveal: true });
    fireEvent.change(field, { target: { value } });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe(value);

    const shown = await screen.findByRole('group', { name: 'Revealed value' });
    expect(shown.textContent).toBe(value);
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('says a value is too large, sends nothing, and keeps it for shortening', async () => {
    const writes = recordWrites(fake);
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME');
    fireEvent.change(field, { target: { value: 'x'.repeat(MAX_VALUE_BYTES + 1) } });
    expect(within(dialog).getByText(/^The value is 1,048,577 bytes of UTF-8/)).toBeInTheDocument();
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    fireEvent.submit(field.closest('form')!);
    expect(field).toHaveValue('x'.repeat(MAX_VALUE_BYTES + 1));

    fireEvent.change(field, { target: { value: 'x'.repeat(MAX_VALUE_BYTES) } });
    expect(within(dialog).queryByText(/^The value is/)).not.toBeInTheDocument();
    await user.click(save);
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toHaveLength(MAX_VALUE_BYTES);
    expect(await writes()).toHaveLength(1);
  });

  it('with a token that cannot read: saves without reading the environment first', async () => {
    const reads: string[] = [];
    fake.server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET') reads.push(request.url);
    });
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME', 'env_qa', { token: 'demo-write-token', readable: false });
    await user.click(field);
    await user.paste('written blind');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitForNoDialog();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_qa')).toBe('written blind');
    expect(reads).toEqual([]);
  });
});

describe.each(WRITE_RESPONSES)('the set-value dialog with writes answered the %s way', { timeout: 30_000 }, (mode) => {
  it('saves and says so', async () => {
    fake.settings.writeResponses = mode;
    const { user, field, dialog } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('new admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved the new value of ADMIN_USERNAME in Development.')).toBeInTheDocument();
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('new admin');
    expect(document.body.textContent).not.toMatch(/does not match the contract|Unexpected response/);
  });
});
