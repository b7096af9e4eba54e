/**
 * Small helpers for component and hook tests: clear values from the fake, the page's visibility,
 * user-event, React's act warnings.
 */
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { VALUE_TYPE } from '@/api/contract';
import type { FakeServer } from '../../mocks/node.ts';

/** The clear value of a secret, read straight from the fake's store (undefined: not set). */
export function clearValue(fake: FakeServer, appId: string, envId: string, key: string): string | undefined {
  const secret = fake.store.rendered(appId, envId, 'Full', [key])?.secrets[0];
  if (!secret || secret.valueType === VALUE_TYPE.none) return undefined;
  return secret.serializedValue;
}

/** Every clear value of an environment that is long enough to be recognised in the DOM. */
export function clearValues(fake: FakeServer, appId: string, envId: string, minLength = 8): string[] {
  return (fake.store.rendered(appId, envId, 'Full')?.secrets ?? [])
    .map((s) => s.serializedValue)
    .filter((v): v is string => v !== undefined && v.trim().length >= minLength);
}

/** Sets `document.visibilityState` and dispatches `visibilitychange`. */
export function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  Object.defineProperty(document, 'hidden', { value: state === 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

/**
 * user-event without the `pointer-events` check before each pointer action: in jsdom that check
 * walks every ancestor's computed style and doubles the cost of a click. Tests
 * assert disabled controls explicitly (`toBeDisabled`).
 */
export function setupUser() {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}

/**
 * Drops React's "not wrapped in act(...)" warnings for the file: the app's data arrives
 * asynchronously (msw, react-query) and the tests wait for its effect with `findBy`/`waitFor`.
 * Hundreds of these warnings per file cost seconds of console plumbing; other errors still print.
 */
export function quietActWarnings(): void {
  let original: typeof console.error;
  beforeAll(() => {
    original = console.error;
    console.error = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
      original(...args);
    };
  });
  afterAll(() => {
    console.error = original;
  });
}
