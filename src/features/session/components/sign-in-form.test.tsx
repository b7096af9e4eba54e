import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SignInForm } from './sign-in-form';

function renderForm() {
  const onSignIn = vi.fn(async () => {});
  const user = userEvent.setup();
  render(<SignInForm defaultBaseUrl="/api" demo={false} onSignIn={onSignIn} />);
  return { onSignIn, user, field: () => screen.getByRole('textbox', { name: 'API base URL' }) };
}

describe('SignInForm: the API base URL', () => {
  it('says where the token will be sent', async () => {
    const { user, field } = renderForm();
    expect(screen.getByText('Your token will be sent to http://localhost (this site).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    await user.clear(field());
    await user.paste('https://api.acme.commandk.dev');
    expect(screen.getByText('Your token will be sent to https://api.acme.commandk.dev. It must allow this origin (CORS).')).toBeInTheDocument();
  });

  it.each([
    ['/\\evil.example', 'A base URL has no backslashes, spaces or control characters'],
    ['//evil.example', 'A path must stay on this site: start it with a single / (e.g. /api)'],
    ['https://evilcommandk.dev', 'https://evilcommandk.dev is not an allowed API origin: use /api, or ask for it to be added to apiOrigins'],
    ['http://api.commandk.dev', 'Use https: only this computer (localhost) may be called over http'],
  ])('refuses %j with a message, keeping what was typed', async (value, message) => {
    const { onSignIn, user, field } = renderForm();
    await user.click(screen.getByLabelText(/^API token/));
    await user.paste('read-token-0123');
    await user.click(screen.getByRole('button', { name: 'Advanced' }));
    await user.clear(field());
    await user.paste(value);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(field()).toHaveValue(value);
    expect(screen.getByLabelText(/^API token/)).toHaveValue('read-token-0123');
    expect(onSignIn).not.toHaveBeenCalled();
  });
});
