import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, useFakeApi } from '@/testing/render-app';

useFakeApi();

describe('browse', () => {
  it('signs in, opens an app and shows masked secrets', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/apps', { token: null });
    await user.type(await screen.findByLabelText(/^API token/), 'demo-token');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('link', { name: /payments-api/ }));
    const table = await screen.findByRole('table', { name: /Secrets in/ });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(3);
    expect(router.state.location.pathname).toMatch(/^\/apps\/app_payments\/[a-z]+$/);
  });
});
