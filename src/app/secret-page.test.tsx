import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, useFakeApi } from '@/testing/render-app';
import { quietActWarnings, setupUser } from '@/testing/browse-helpers';
import { APP, saveInSetValueDialog, secretId, storedValue } from '@/testing/edit-helpers';

const fake = useFakeApi();
quietActWarnings();

describe('the secret page', { timeout: 30_000 }, () => {
  it('shows every environment, reveals per environment, and drops a revealed value after a write', async () => {
    const user = setupUser();
    renderApp(`/apps/${APP}/secrets/${secretId(fake, 'SMTP_PASSWORD')}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'SMTP_PASSWORD' })).toBeInTheDocument();
    expect(screen.getByText('Purpose: Username or password')).toBeInTheDocument();
    const qa = screen.getByRole('region', { name: 'QA' });
    expect(await within(qa).findByText('Not set')).toBeInTheDocument();
    const dev = screen.getByRole('region', { name: 'Development' });
    expect(await within(dev).findByLabelText('Masked value in Development')).toHaveTextContent('••••••••');

    const devValue = storedValue(fake, 'SMTP_PASSWORD', 'env_dev') ?? '';
    await user.click(within(dev).getByRole('button', { name: 'Reveal value in Development' }));
    expect(await within(dev).findByLabelText('Value in Development')).toHaveTextContent(devValue);

    await user.click(within(dev).getByRole('button', { name: 'Replace value in Development' }));
    const dialog = await screen.findByRole('dialog', { name: 'Set SMTP_PASSWORD in Development' });
    expect(within(dialog).getByLabelText('New value')).toHaveValue('');
    await saveInSetValueDialog(user, 'Set SMTP_PASSWORD in Development', 'rotated');
    expect(storedValue(fake, 'SMTP_PASSWORD', 'env_dev')).toBe('rotated');
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
    const user = setupUser();
    const id = secretId(fake, 'PRODUCTION_ONLY_KEY');
    fake.store.setValue(APP, id, 'env_dev', 'from-dev');
    const prodValue = storedValue(fake, 'PRODUCTION_ONLY_KEY', 'env_prod') ?? '';
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
    expect(storedValue(fake, 'PRODUCTION_ONLY_KEY', 'env_staging')).toBe(prodValue);
    expect(document.body.textContent).not.toContain(prodValue);
    expect(await screen.findByText('Copied PRODUCTION_ONLY_KEY from Production to Staging.')).toBeInTheDocument();

    // Into production: a second step first.
    const production = screen.getByRole('region', { name: 'Production' });
    await user.click(within(production).getByRole('button', { name: 'Copy into Production from another environment' }));
    dialog = await screen.findByRole('dialog', { name: 'Copy PRODUCTION_ONLY_KEY into Production' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Copy from' })).toHaveTextContent('Development'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy value' }));
    expect(within(dialog).getByText('Set value in Production?')).toBeInTheDocument();
    expect(storedValue(fake, 'PRODUCTION_ONLY_KEY', 'env_prod')).toBe(prodValue);
    await user.click(within(dialog).getByRole('button', { name: 'Set value in Production' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(storedValue(fake, 'PRODUCTION_ONLY_KEY', 'env_prod')).toBe('from-dev');
  });
});
