import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Toast, type ToastProps } from './toast';

const DURATION = 1000;

function renderToast(props: Partial<ToastProps> = {}) {
  const onClose = vi.fn();
  const view = render(
    <>
      <button type="button">Elsewhere</button>
      <Toast message="Saved" onClose={onClose} autoHideDuration={DURATION} {...props} />
    </>,
  );
  return { onClose, ...view };
}

/** The toast's box (it holds the message, the action and Close). */
const toastBox = () => screen.getByRole('button', { name: 'Close' }).parentElement!;

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('Toast', () => {
  it('shows nothing but an empty polite live region when the message is null', () => {
    const { container } = render(<Toast message={null} onClose={() => {}} />);
    expect(container.querySelector('[aria-live="polite"]')).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it.each([
    ['neutral', false],
    ['success', false],
    ['warning', true],
    ['error', true],
  ] as const)('a %s toast (alert: %s) shows the message, the action and a Close button in the live region', (severity, alert) => {
    renderToast({ severity, message: 'Copied DATABASE_PASSWORD', action: <button type="button">Undo</button> });
    const toast = toastBox();
    expect(toast).toHaveTextContent('Copied DATABASE_PASSWORD');
    // The region was in the page before the note: a screen reader announces what appears in it.
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
    if (alert) expect(screen.getByRole('alert')).toBe(toast);
    else expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(toast).toContainElement(screen.getByRole('button', { name: 'Undo' }));
  });

  it('is a neutral note (not an alert) by default', () => {
    renderToast();
    expect(toastBox()).toHaveTextContent('Saved');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a note shown after one closed while hovered hides itself again (the pause does not stick)', () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    const view = (message: string | null) => <Toast message={message} onClose={onClose} autoHideDuration={DURATION} />;
    const { rerender } = render(view('Copied A'));
    fireEvent.pointerEnter(toastBox());
    rerender(view(null)); // closed with the pointer still over it: no pointerleave comes
    rerender(view('Copied B'));
    advance(DURATION);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('hides itself (onClose) after autoHideDuration', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast();
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('defaults to 6 seconds', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast({ autoHideDuration: undefined });
    advance(5999);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('starts the timer again when the message changes', () => {
    vi.useFakeTimers();
    const { onClose, rerender } = renderToast();
    advance(DURATION - 100);
    rerender(
      <>
        <button type="button">Elsewhere</button>
        <Toast message="Saved again" onClose={onClose} autoHideDuration={DURATION} />
      </>,
    );
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('calls the latest onClose when the timer fires', () => {
    vi.useFakeTimers();
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Toast message="Saved" onClose={first} autoHideDuration={DURATION} />);
    rerender(<Toast message="Saved" onClose={second} autoHideDuration={DURATION} />);
    advance(DURATION);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  // Fake timers and user-event do not mix here (Testing Library's async wrapper waits on a
  // setTimeout that Vitest's fake clock never runs): these tests send the events themselves.
  it('pauses while the pointer is over it, and starts a full timer again when it leaves', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast();
    advance(DURATION - 100);
    fireEvent.pointerEnter(toastBox());
    advance(DURATION * 10);
    expect(onClose).not.toHaveBeenCalled();

    fireEvent.pointerLeave(toastBox());
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('pauses while focus is inside it (also moving between its buttons), and starts again when focus leaves', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast({ action: <button type="button">Undo</button> });
    const focus = (name: string) => act(() => screen.getByRole('button', { name }).focus());
    advance(DURATION - 100);
    focus('Undo');
    advance(DURATION * 10);
    expect(onClose).not.toHaveBeenCalled();

    focus('Close');
    advance(DURATION * 10);
    expect(onClose).not.toHaveBeenCalled();

    // Focus leaves the toast.
    focus('Elsewhere');
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Escape closes it', async () => {
    const user = userEvent.setup();
    const { onClose } = renderToast();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Escape already handled by someone else (default prevented) does not close it', () => {
    const { onClose } = renderToast();
    const event = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    event.preventDefault();
    act(() => {
      screen.getByRole('button', { name: 'Elsewhere' }).dispatchEvent(event);
    });
    expect(onClose).not.toHaveBeenCalled();
  });

  it('Escape does nothing while no message is shown', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<Toast message={null} onClose={onClose} />);
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('the Close button closes it', async () => {
    const user = userEvent.setup();
    const { onClose } = renderToast({ severity: 'error' });
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
