/**
 * Clears a copied value from the clipboard after a delay or when the session ends: only while
 * the page has focus (browsers refuse clipboard access otherwise) and only if the clipboard still
 * holds that value. Only a SHA-256 digest of the value is kept, never the value itself.
 */

/** What the guard needs of the browser; the default is the page's own (tests pass fakes). */
export interface ClipboardGuardEnvironment {
  clipboard: () => Pick<Clipboard, 'readText' | 'writeText'> | undefined;
  hasFocus: () => boolean;
  /** Where the `focus` event arrives when the page gets focus back. */
  focusTarget: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | undefined;
  now: () => number;
}

export interface ClipboardGuard {
  /** Writes `value` to the clipboard; it is cleared once `clearAfterMs` have passed. */
  copy(value: string, clearAfterMs: number): Promise<void>;
  /** Clears a copied value now (or as soon as the page has focus), e.g. when the session ends. */
  clearNow(): void;
}

/** Hex SHA-256 of the text, line endings normalised (some systems hand back CRLF). */
async function digest(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text.replace(/\r\n/g, '\n'));
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

const browserEnvironment: ClipboardGuardEnvironment = {
  clipboard: () => (typeof navigator === 'undefined' ? undefined : navigator.clipboard),
  hasFocus: () => typeof document !== 'undefined' && document.hasFocus(),
  focusTarget: typeof window === 'undefined' ? undefined : window,
  now: () => Date.now(),
};

export function createClipboardGuard(env: ClipboardGuardEnvironment = browserEnvironment): ClipboardGuard {
  /** The value on the clipboard that is ours to clear: its digest and when it is due. */
  let pending: { digest: string; dueAt: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;

  // While a value is pending, focus coming back checks the clock: a timer throttled in a
  // background tab (or a page refused access when it fired) is made up for at once.
  function listen(on: boolean) {
    if (on === listening) return;
    listening = on;
    if (on) env.focusTarget?.addEventListener('focus', check);
    else env.focusTarget?.removeEventListener('focus', check);
  }

  /** Clears when due and focused; otherwise waits for the due time (from the clock) or for focus. */
  function check() {
    clearTimeout(timer);
    timer = undefined;
    if (!pending) return listen(false);
    listen(true);
    const left = pending.dueAt - env.now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    if (!env.hasFocus()) return;
    const ours = pending;
    pending = null;
    listen(false);
    void clearIfStillOurs(ours.digest);
  }

  async function clearIfStillOurs(ourDigest: string) {
    const clipboard = env.clipboard();
    if (!clipboard) return;
    try {
      const current = await clipboard.readText();
      // Something the user copied since is theirs: left alone.
      if ((await digest(current)) !== ourDigest) return;
      await clipboard.writeText('');
    } catch {
      // Reading refused or failed: never overwrite what may not be ours.
    }
  }

  return {
    async copy(value, clearAfterMs) {
      const clipboard = env.clipboard();
      if (!clipboard) throw new DOMException('No clipboard in this browser.', 'NotAllowedError');
      await clipboard.writeText(value);
      const dueAt = env.now() + clearAfterMs;
      pending = { digest: await digest(value), dueAt };
      check();
    },
    clearNow() {
      if (!pending) return;
      pending = { ...pending, dueAt: env.now() };
      check();
    },
  };
}

/** The page's guard: Copy goes through it, sign-out clears through it. */
export const clipboardGuard = createClipboardGuard();
