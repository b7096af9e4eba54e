import { act, fireEvent, render, screen, waitForElementToBeRemoved } from '@testing-library/react';
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

/** The note: the element holding the message, the action and Close. */
const note = () => screen.getByRole('button', { name: 'Close' }).closest<HTMLElement>('[role=alert], [role=status]')!;

const advance = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('Toast', () => {
  it('is an empty polite live region while there is no message', () => {
    const { container } = render(<Toast message={null} onClose={() => {}} />);
    expect(container.querySelector('[aria-live="polite"]')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it.each([
    ['neutral', 'status'],
    ['success', 'status'],
    ['warning', 'alert'],
    ['error', 'alert'],
  ] as const)('a %s note (role %s) has the message, the action and Close, inside the live region', (severity, role) => {
    renderToast({ severity, message: 'Copied DATABASE_PASSWORD', action: <button type="button">Undo</button> });
    const shown = note();
    expect(shown).toHaveAttribute('role', role);
    expect(shown).toHaveTextContent('Copied DATABASE_PASSWORD');
    expect(shown).toContainElement(screen.getByRole('button', { name: 'Undo' }));
    // The region was in the page before the note: a screen reader announces what appears in it.
    expect(shown.closest('[aria-live="polite"]')).not.toBeNull();
  });

  it('the Close button and Escape close it; a click elsewhere does not', async () => {
    const user = userEvent.setup();
    const { onClose } = renderToast();
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('hides itself after 6 seconds by default', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast({ autoHideDuration: undefined });
    advance(5999);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('a new message is a new note with a full timer', () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    const view = (message: string | null) => <Toast message={message} onClose={onClose} autoHideDuration={DURATION} />;
    const { rerender } = render(view('Copied A'));
    advance(DURATION - 100);
    rerender(view('Copied B'));
    expect(note()).toHaveTextContent('Copied B');
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('the same message with a new id is a new note with a full timer', () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    const view = (noteId: number) => <Toast message="Saved" noteId={noteId} onClose={onClose} autoHideDuration={DURATION} />;
    const { rerender } = render(view(1));
    advance(DURATION - 100);
    rerender(view(2));
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('using the action closes the note', async () => {
    const user = userEvent.setup();
    const onAction = vi.fn();
    const { onClose } = renderToast({ action: <button type="button" onClick={onAction}>Open</button> });
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  // Fake timers and user-event do not mix here: these tests send the events themselves.
  it('waits while focus is inside it, and gives a full timer again once focus leaves', () => {
    vi.useFakeTimers();
    const { onClose } = renderToast({ action: <button type="button">Undo</button> });
    advance(DURATION - 100);
    act(() => screen.getByRole('button', { name: 'Undo' }).focus());
    advance(DURATION * 10);
    expect(onClose).not.toHaveBeenCalled();

    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    advance(DURATION - 1);
    expect(onClose).not.toHaveBeenCalled();
    advance(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('keeps its message while it slides out, then leaves the region empty; Escape does nothing then', async () => {
    const onClose = vi.fn();
    const { container, rerender } = render(<Toast message="Saved" onClose={onClose} />);
    rerender(<Toast message={null} onClose={onClose} />);
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    await waitForElementToBeRemoved(() => screen.queryByRole('status'));
    expect(container.querySelector('[aria-live="polite"]')).toBeEmptyDOMElement();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });
});
