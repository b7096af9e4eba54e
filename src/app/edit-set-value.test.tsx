import { act, fireEvent, screen, waitFor, waitForElementToBeRemoved, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { quietActWarnings, setupUser } from '@/testing/browse-helpers';
import { APP, recordWrites, secretId, storedValue } from '@/testing/edit-helpers';

const fake = useFakeApi();
quietActWarnings();
afterEach(() => fake.server.events.removeAllListeners());

async function openEditor(name: string, path = `/apps/${APP}/development`, options: Parameters<typeof renderApp>[1] = {}) {
  const user = setupUser();
  const view = renderApp(path, options);
  const trigger = await screen.findByRole('button', { name: `Edit ${name}` });
  await user.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: new RegExp(`^Set ${name} in `) });
  const field = within(dialog).getByLabelText('New value');
  return { user, dialog, field: field as HTMLTextAreaElement, trigger, ...view };
}

describe('set a value in one environment', { timeout: 30_000 }, () => {
  it('starts empty, opts out of password managers, sends the exact text and returns focus', async () => {
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

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
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
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('keep me');
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
    const writes = recordWrites(fake);
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
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_prod')).toBe('admin');
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByLabelText('New value')).toHaveValue('prod-admin');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_prod')).toBe('prod-admin');
  });

  it('warns when the environment changed since the editor opened', async () => {
    const { user, dialog, field } = await openEditor('ADMIN_USERNAME');
    await user.click(field);
    await user.paste('mine');
    // Someone else changes the environment meanwhile.
    fake.store.setValue(APP, secretId(fake, 'SMTP_USERNAME'), 'env_dev', 'theirs');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('This environment changed since you opened the editor')).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Review ADMIN_USERNAME' })).toHaveAttribute('href', `/apps/${APP}/secrets/${secretId(fake, 'ADMIN_USERNAME')}`);
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).not.toBe('mine');
    await user.click(within(dialog).getByRole('button', { name: 'Save anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe('mine');
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
    expect(storedValue(fake, 'ADMIN_USERNAME', 'env_dev')).toBe(value);

    await act(() => router.navigate(`/apps/${APP}/secrets/${secretId(fake, 'ADMIN_USERNAME')}`));
    const section = await screen.findByRole('region', { name: 'Development' });
    await user.click(within(section).getByRole('button', { name: 'Reveal value in Development' }));
    const shown = await within(section).findByLabelText('Value in Development');
    expect(shown.textContent).toBe(value);
    expect(document.querySelector('script')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });
});
