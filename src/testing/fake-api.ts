/**
 * The fake API for Vitest files (msw in Node). Whole-app journeys are Playwright's (e2e/); tests
 * here render one component or hook against this fake.
 */
import { preferencesStore } from '@/lib/preferences';
import { sessionStore } from '@/features/session/session-store';
import { createFakeServer, type FakeServer, type FakeServerOptions } from '../../mocks/node.ts';

export const TEST_API_BASE = 'http://localhost/api';
export { FAKE_TOKENS } from '../../mocks/auth.ts';

/**
 * Starts the fake API for the file (msw `setupServer`, unhandled requests are errors),
 * resets its data, faults and the session after each test.
 */
export function useFakeApi(options: FakeServerOptions = {}): FakeServer {
  const fake = createFakeServer({ baseUrl: TEST_API_BASE, ...options });
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    fake.server.resetHandlers();
    fake.reset();
    sessionStore.signOut();
    sessionStorage.clear();
    preferencesStore.reset();
  });
  afterAll(() => fake.server.close());
  return fake;
}
