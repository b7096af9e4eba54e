// The entry chunk: main.tsx and early-requests.ts only. The first page's data requests leave as soon
// as it runs, while the app's chunk (preloaded by index.html) is still downloading (#6).
import { sendEarlyRequests } from '@/app/early-requests';
import { delay } from '@/lib/delay';

/**
 * The longest the app's code waits for the masked list's request to leave. Compiling and
 * evaluating the app keep the main thread busy; the environment list's response would wait behind
 * them, and the list request with it.
 */
const HOLD_APP_MAX_MS = 250;

// The module is async (index.html): it may run before the deferred /app-config.js has. The early
// requests need only the stored session (early-data.ts drops them in the demo); the app, which
// reads the config, starts once that script has run.
const requestsSent = sendEarlyRequests(window.__DASHBOARD_CONFIG__, location);

/**
 * Resolves once app-config.js has run: its global is set, or DOMContentLoaded (which follows the
 * deferred scripts) has come — or, if this runs after it and the script set nothing (no such
 * file on a static host), at `load`. readyState 'interactive' alone is too early: deferred scripts
 * run after it.
 */
const configRead = new Promise<void>((resolve) => {
  if (window.__DASHBOARD_CONFIG__ !== undefined || document.readyState === 'complete') {
    resolve();
    return;
  }
  document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  window.addEventListener('load', () => resolve(), { once: true });
});

void Promise.all([Promise.race([requestsSent, delay(HOLD_APP_MAX_MS)]), configRead])
  .then(() => import('@/app/start'))
  .then(({ startApp }) => startApp());
