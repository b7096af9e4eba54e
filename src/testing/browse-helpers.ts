/**
 * Small helpers for the browse integration tests (src/app/browse-*.test.tsx).
 */
import type { QueryClient } from '@tanstack/react-query';
import { screen } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { VALUE_TYPE } from '@/api/contract';
import { REVEALED_KEY } from '@/api/query-client';
import { renderApp } from './render-app';
import type { FakeServer } from '../../mocks/node.ts';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
}

/**
 * Records every request the app sends to the fake (msw life-cycle event `request:start`).
 * Call once per file; the list is emptied after each test.
 */
export function recordRequests(fake: FakeServer): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  beforeAll(() => {
    fake.server.events.on('request:start', ({ request }) => {
      requests.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers) });
    });
  });
  afterEach(() => {
    requests.length = 0;
  });
  afterAll(() => fake.server.events.removeAllListeners());
  return requests;
}

export function renderedRequests(requests: readonly RecordedRequest[], mode?: 'Full' | 'PreviewOnly'): RecordedRequest[] {
  return requests.filter(
    (r) => r.url.pathname.endsWith('/secrets/rendered') && (mode === undefined || r.url.searchParams.get('mode') === mode),
  );
}

/** Every react-query entry that holds (or would hold) clear values: those under the revealed root. */
export function fullModeEntries(queryClient: QueryClient) {
  return queryClient.getQueryCache().findAll({ queryKey: REVEALED_KEY });
}

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

/** Stubs `navigator.clipboard.writeText`; returns the mock. */
export function stubClipboard(impl: (text: string) => Promise<void> = async () => {}) {
  const writeText = vi.fn(impl);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

/**
 * user-event without the `pointer-events` check before each pointer action: in jsdom that check
 * walks every ancestor's computed style and doubles the cost of a click on a full table. Tests
 * assert disabled controls explicitly (`toBeDisabled`).
 */
export function setupUser() {
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}

/**
 * Waits for the secrets table with this accessible name. Waits by label (cheap on every DOM
 * change), then checks the role once: a polling role query scans the whole page each time.
 */
export async function findTable(name: string | RegExp, timeout?: number): Promise<HTMLElement> {
  const table = await screen.findByLabelText(name, { selector: '[role=table]' }, timeout === undefined ? undefined : { timeout });
  expect(table).toHaveAttribute('role', 'table');
  return table;
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

/**
 * A button by its accessible name (aria-label or text). Role queries compute the role of every
 * element of the page: on a full table in jsdom that costs ~0.5 s per query.
 */
export const btn = (name: string) => screen.queryByLabelText(name, { selector: 'button' }) ?? screen.getByText(name, { selector: 'button' });

/** Renders the app at `path` (an environment's secrets page) once its table is in. */
export async function openSecretsPage(path: string, tableName: string) {
  const user = setupUser();
  const view = renderApp(path);
  const table = await findTable(tableName);
  return { user, table, ...view };
}
