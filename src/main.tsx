// The entry chunk: main.tsx, early-requests.ts and first-paint.ts. The first page's data requests
// leave as soon as it runs, while the app's chunk (preloaded by index.html) is still downloading,
// and their responses are drawn as the page's first paint before React has loaded (#6).
import { sendEarlyRequests } from '@/app/early-requests';
import { firstPaintShown } from '@/app/first-paint';
import { delay } from '@/lib/delay';

/**
 * The longest the app's code waits for the first paint (early-requests.ts). Evaluating the app
 * keeps the main thread busy for 40–110 ms on a cold load; the responses the first paint needs
 * would wait behind it, and the paint with them. A slow API does not hold the app longer than this:
 * it then renders its loading state, and no first paint is drawn over it.
 */
const HOLD_APP_MAX_MS = 500;

// The module is async (index.html): it may run before the deferred /app-config.js has. The early
// requests need only the stored session (early-data.ts drops them in the demo); the app, which
// reads the config, starts once that script has run.
const firstPage = sendEarlyRequests(window.__DASHBOARD_CONFIG__, location);

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

/**
 * Resolves after the next frame has been rendered when the first paint is on screen: it reaches
 * the screen before the app's evaluation (a long task) takes the main thread.
 */
const firstPaintPresented = () =>
  new Promise<void>((resolve) => {
    if (!firstPaintShown(document.getElementById('root')) || document.visibilityState === 'hidden') {
      resolve();
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

void Promise.all([Promise.race([firstPage.then(firstPaintPresented), delay(HOLD_APP_MAX_MS)]), configRead])
  .then(() => import('@/app/start'))
  .then(({ startApp }) => startApp());
