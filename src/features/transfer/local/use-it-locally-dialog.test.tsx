import { fireEvent, render, screen, within } from '@testing-library/react';
import { setupUser } from '@/testing/browse-helpers';
import { UseItLocallyDialog, type UseItLocallyDialogProps } from './use-it-locally-dialog';

const props = (overrides: Partial<UseItLocallyDialogProps> = {}): UseItLocallyDialogProps => ({
  open: true,
  onClose: () => {},
  appId: 'LDJML-6x65-saP5d-7jBL',
  appName: 'payments',
  nameIsAmbiguous: false,
  environment: { id: 'env_dev', slug: 'development', name: 'Development', label: 'Dev' },
  apiEndpoint: '/api',
  ...overrides,
});

/** Whether this exact command line is shown (a text query: role queries over the whole dialog are slow in jsdom). */
const shown = (line: string) => expect(screen.getByText(line, { selector: 'code' })).toBeInTheDocument();

describe('UseItLocallyDialog', () => {
  it('shows the commands, follows the typed command and copies a line', async () => {
    const user = setupUser();
    // user-event puts a clipboard stub on navigator: watch it.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<UseItLocallyDialog {...props()} />);

    const dialog = screen.getByRole('dialog', { name: 'Use it locally' });
    expect(within(dialog).getByText(/right after/)).toHaveTextContent('Add --api-endpoint <your API URL> right after cmdk');
    shown('cmdk run payments --environment development -- npm start');
    shown('cmdk secrets get payments --environment development --output yaml --output-file-name payments-development.yaml');

    fireEvent.change(screen.getByRole('textbox', { name: 'Command to run' }), { target: { value: 'node server.js --port 3000' } });
    shown('cmdk run payments --environment development -- node server.js --port 3000');

    await user.click(screen.getByRole('button', { name: 'Copy run command' }));
    expect(writeText).toHaveBeenCalledWith('cmdk run payments --environment development -- node server.js --port 3000');
    // The feedback sits in the copied command's own section, in a status (live) region.
    const status = screen.getByText('Copied');
    expect(status).toHaveAttribute('role', 'status');
    expect(status.closest('section')).toHaveTextContent('Run a command with the secrets in its environment');
  });

  it('names an ambiguous app by its id, gives a custom endpoint, and says so when copying fails', async () => {
    const user = setupUser();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<UseItLocallyDialog {...props({ nameIsAmbiguous: true, apiEndpoint: 'https://api.acme.commandk.dev' })} />);

    shown(
      'cmdk --api-endpoint https://api.acme.commandk.dev secrets get LDJML-6x65-saP5d-7jBL --identifier-type Identifier --environment development --output env --output-file-name payments-development.env',
    );
    expect(screen.queryByText(/right after/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy .env file command' }));
    expect(await screen.findByText(/Could not copy/)).toBeInTheDocument();
  });
});
