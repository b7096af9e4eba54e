import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastQueueProvider, useToasts, MIN_SHOWN_MS, type QueuedNote } from './toast-queue';

/** Buttons that queue the given notes, one each. */
function Producer({ notes }: { notes: Record<string, QueuedNote> }) {
  const toasts = useToasts();
  return (
    <>
      {Object.entries(notes).map(([label, note]) => (
        <button key={label} type="button" onClick={() => toasts.show(note)}>
          {label}
        </button>
      ))}
    </>
  );
}

function renderQueue(notes: Record<string, QueuedNote>) {
  return render(
    <ToastQueueProvider>
      <Producer notes={notes} />
    </ToastQueueProvider>,
  );
}

const press = (label: string) => act(() => screen.getByRole('button', { name: label }).click());
const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
/** Longer than any enter or exit transition of the toast. */
const SLIDE = 1000;
/** The note's last millisecond, then its slide out (the exit starts once React has rendered the close). */
const expireAndSlideOut = () => {
  advance(1);
  advance(SLIDE);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('the toast queue', () => {
  it('shows one note at a time, in order, each for its own duration, in one live region', () => {
    vi.useFakeTimers();
    const { container } = renderQueue({
      first: { message: 'Created A.', severity: 'success', autoHideDuration: 2000 },
      second: { message: 'Could not refresh', severity: 'warning', autoHideDuration: 5000 },
    });
    const region = container.querySelector('[aria-live="polite"]');
    press('first');
    press('second');
    expect(screen.getByRole('status')).toHaveTextContent('Created A.');
    expect(screen.queryByText('Could not refresh')).not.toBeInTheDocument();

    advance(1999);
    expect(screen.getByRole('status')).toHaveTextContent('Created A.');
    expireAndSlideOut();
    expect(screen.queryByText('Created A.')).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh');
    expect(screen.getByRole('alert').closest('[aria-live="polite"]')).toBe(region);

    advance(4999);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh');
    expireAndSlideOut();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(region).toBeEmptyDOMElement();
  });

  it('a long note makes way sooner once another waits', () => {
    vi.useFakeTimers();
    renderQueue({
      long: { message: 'Created A.', autoHideDuration: 20_000 },
      next: { message: 'Saved B.', autoHideDuration: 20_000 },
    });
    press('long');
    advance(1000);
    press('next');
    // Up for its minimum in all, then the next one's turn.
    advance(MIN_SHOWN_MS - 1000 - 1);
    expect(screen.getByRole('status')).toHaveTextContent('Created A.');
    expireAndSlideOut();
    expect(screen.getByRole('status')).toHaveTextContent('Saved B.');
    // Alone again, a note keeps its own duration.
    advance(20_000 - 1);
    expect(screen.getByRole('status')).toHaveTextContent('Saved B.');
    expireAndSlideOut();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('a note up for longer than the minimum makes way a moment after the next arrives', () => {
    vi.useFakeTimers();
    renderQueue({
      long: { message: 'Created A.', autoHideDuration: 20_000 },
      next: { message: 'Saved B.' },
    });
    press('long');
    advance(10_000);
    press('next');
    advance(499);
    expect(screen.getByRole('status')).toHaveTextContent('Created A.');
    expireAndSlideOut();
    expect(screen.getByRole('status')).toHaveTextContent('Saved B.');
  });

  it('a note closed by the user makes way for the next, whose action works', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    renderQueue({
      first: { message: 'Saved the new value.' },
      second: {
        message: 'Created B.',
        action: (
          <button type="button" onClick={onOpen}>
            Open
          </button>
        ),
      },
    });
    await user.click(screen.getByRole('button', { name: 'first' }));
    await user.click(screen.getByRole('button', { name: 'second' }));
    expect(screen.queryByText('Created B.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(await screen.findByText('Created B.')).toBeInTheDocument();
    expect(screen.queryByText('Saved the new value.')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('a note with the key of one waiting or shown updates that one instead of queueing another', () => {
    vi.useFakeTimers();
    renderQueue({
      'fail 1': { key: 'refresh', message: 'Could not refresh: 1', severity: 'warning', autoHideDuration: 2000 },
      'fail 2': { key: 'refresh', message: 'Could not refresh: 2', severity: 'warning', autoHideDuration: 2000 },
      other: { message: 'Copied', autoHideDuration: 2000 },
    });
    press('fail 1');
    press('other');
    press('fail 2');
    expect(screen.getByRole('alert')).toHaveTextContent('Could not refresh: 2');
    advance(1999);
    expireAndSlideOut();
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
    advance(1999);
    expireAndSlideOut();
    expect(screen.queryByText(/Could not refresh/)).not.toBeInTheDocument();
    expect(screen.queryByText('Copied')).not.toBeInTheDocument();
  });

  it('is needed above whoever shows a note', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Producer notes={{}} />)).toThrow(/ToastQueueProvider/);
  });
});
