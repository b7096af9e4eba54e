import { act, render, screen, waitForElementToBeRemoved } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { AppProviders } from './providers';

/** Fresh modules: the count of failures lives in a module, one per tab. */
async function freshModules() {
  vi.resetModules();
  const [{ fetchWhenServing }, { DemoApiLostNotice }] = await Promise.all([import('@/lib/demo-api-status'), import('./demo-api-lost-notice')]);
  return { fetchWhenServing, DemoApiLostNotice };
}

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('fetchWhenServing', () => {
  it('sends the request only once the fake API serves the page', async () => {
    const { fetchWhenServing } = await freshModules();
    const serving = deferred();
    const send = vi.fn(async () => new Response('{}'));
    const response = fetchWhenServing(() => serving.promise, send)('/api/apps', { method: 'GET' });
    await Promise.resolve();
    expect(send).not.toHaveBeenCalled();
    serving.resolve();
    expect((await response).status).toBe(200);
    expect(send).toHaveBeenCalledWith('/api/apps', { method: 'GET' });
  });

  it('fails the request unsent when the fake API cannot be started again', async () => {
    const { fetchWhenServing } = await freshModules();
    const send = vi.fn(async () => new Response('{}'));
    const request = fetchWhenServing(() => Promise.reject(new Error('no worker')), send)('/api/apps');
    await expect(request).rejects.toThrow('The demo API stopped in this tab.');
    expect(send).not.toHaveBeenCalled();
  });
});

describe('DemoApiLostNotice', () => {
  it('asks to reload when a request finds the fake API lost; closed, it comes back with the next one', async () => {
    const { fetchWhenServing, DemoApiLostNotice } = await freshModules();
    const lostFetch = fetchWhenServing(() => Promise.reject(new Error('no worker')), vi.fn());
    render(
      <AppProviders queryClient={new QueryClient()}>
        <DemoApiLostNotice />
      </AppProviders>,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await act(() => lostFetch('/api/apps').catch(() => undefined));
    const notice = screen.getByRole('dialog', { name: 'The demo stopped answering' });
    expect(notice).toHaveTextContent('Reload the page to start it again');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitForElementToBeRemoved(() => screen.queryByRole('dialog'));
    await act(() => lostFetch('/api/apps').catch(() => undefined));
    expect(screen.getByRole('dialog', { name: 'The demo stopped answering' })).toBeInTheDocument();
  });
});
