import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { unsavedInput } from '@/lib/unsaved-input';
import { sessionStore } from '../session-store';
import { SessionTimeout } from './session-timeout';

const SESSION = { baseUrl: '/api', readToken: 'read-token-0123', demo: false };
const MIN = 60_000;
const HOUR = 60 * MIN;

const advance = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const warning = () => screen.queryByRole('alertdialog');

function start(times?: { signedInAt: number }) {
  sessionStore.signIn(SESSION, times);
  const onSignOut = vi.fn();
  render(<SessionTimeout onSignOut={onSignOut} />);
  return onSignOut;
}

// The warning's module loads when it is first due; load it once here (real timers), so that the
// tests below, on fake timers, see it the moment it is due.
beforeAll(async () => {
  start({ signedInAt: Date.now() - 12 * HOUR + MIN / 2 });
  await screen.findByRole('alertdialog');
  cleanup();
  sessionStore.signOut();
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2030, 0, 1, 9));
});

afterEach(() => {
  sessionStore.signOut();
  sessionStorage.clear();
  vi.useRealTimers();
});

describe('SessionTimeout', () => {
  it('warns a minute before the idle timeout, naming unsaved input; Stay signed in starts it over; then it ends', () => {
    const release = unsavedInput.hold('New secret');
    start();
    advance(14 * MIN - 1);
    expect(warning()).toBeNull();
    advance(1);
    const dialog = screen.getByRole('alertdialog', { name: 'Still there?' });
    expect(dialog).toHaveAccessibleDescription(
      'You will be signed out in about a minute: sessions end after 15 minutes without activity. What you typed in “New secret” will be discarded.',
    );
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toHaveFocus();

    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    expect(warning()).toBeNull();
    advance(14 * MIN - 1);
    expect(warning()).toBeNull();
    advance(1);
    expect(screen.getByRole('alertdialog')).toBeVisible();
    advance(MIN);
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
    act(release);
  });

  it('activity postpones the warning, but once the warning is due only its button keeps the session', () => {
    start();
    advance(10 * MIN);
    fireEvent.keyDown(window, { key: 'a' });
    advance(13 * MIN);
    expect(warning()).toBeNull();
    advance(MIN);
    expect(screen.getByRole('alertdialog')).toBeVisible();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Stay signed in' }), { key: 'Tab' });
    fireEvent.pointerDown(document.body);
    advance(MIN);
    expect(sessionStore.endReason()).toBe('idle');
  });

  it('a tab woken long after the deadline (its timers throttled) ends the session as soon as it is visible', () => {
    start();
    // The clock moves; no timer runs, as in a sleeping laptop or a throttled background tab.
    vi.setSystemTime(Date.now() + 3 * HOUR);
    expect(sessionStore.get()).not.toBeNull();
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endReason()).toBe('idle');
  });

  it('activity does not postpone the absolute timeout: warned, then signed out', () => {
    start({ signedInAt: Date.now() - 12 * HOUR + 2 * MIN });
    advance(MIN);
    expect(screen.getByRole('alertdialog', { name: 'Your session ends soon' })).toHaveAccessibleDescription(
      'You will be signed out in about a minute: sessions last at most 12 hours.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(warning()).toBeNull();
    fireEvent.keyDown(window, { key: 'a' });
    advance(MIN);
    expect(sessionStore.endReason()).toBe('absolute');
  });

  it('Sign out in the warning signs out', () => {
    const onSignOut = start();
    advance(14 * MIN);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});
