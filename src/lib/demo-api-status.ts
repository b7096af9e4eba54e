/**
 * The demo's in-page fake API, seen from the app: requests wait until it serves the page, and when
 * it cannot be started again, the tab says so (DemoApiLostNotice) instead of showing the static
 * server's 404s.
 */
import { createListeners } from './listeners';
const listeners = createListeners();
let failures = 0;

/** How many requests found the fake API lost (it could not be started again) in this tab. */
export function demoApiFailures(): number {
  return failures;
}

export function reportDemoApiLost(): void {
  failures += 1;
  listeners.emit();
}

export const onDemoApiLost = listeners.subscribe;

/**
 * A fetch that sends each request only once `ensureServing` resolves. When it rejects, the fake is
 * reported lost and the request fails unsent: sent anyway, it would reach the static server.
 */
export function fetchWhenServing(ensureServing: () => Promise<void>, send: typeof fetch = (...args) => globalThis.fetch(...args)): typeof fetch {
  return async (input, init) => {
    try {
      await ensureServing();
    } catch (cause) {
      reportDemoApiLost();
      throw new TypeError('The demo API stopped in this tab.', { cause });
    }
    return send(input, init);
  };
}
