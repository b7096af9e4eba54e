/**
 * The start of the app's chunk (start.tsx imports it first): runtime config, the session, the
 * QueryClient — and, on a direct load of a secrets page against a real API, the environment list
 * and the masked list, which the entry chunk has already sent (early-requests.ts): the queries
 * take those responses in flight.
 */
import { apiClient } from '@/api/client';
import { discardEarlyResponses } from '@/api/early-responses';
import { createQueryClient } from '@/api/query-client';
import { readRuntimeConfig } from '@/config/runtime-config';
import { reportBackgroundError } from '@/lib/background-errors';
import { sessionStore } from '@/features/session/session-store';
import { firstPaintShown } from './first-paint';
import { secretsPageParams } from './paths';
import { delay } from '@/lib/delay';
import { LIST_WAIT_MS, startSecretsPageData } from './routes/secrets-loader';

export const config = readRuntimeConfig();
apiClient.setTimeoutMs(config.requestTimeoutMs);
sessionStore.restore();

export const queryClient = createQueryClient({ onBackgroundError: reportBackgroundError });

// In the demo the fake API is not running yet (start.tsx starts it): the route loader fetches.
const page = secretsPageParams(location.pathname);
const data = page && !config.demo && sessionStore.get() ? startSecretsPageData(queryClient, page.appId, page.envSlug) : null;

// Whatever the entry chunk sent that no query took is aborted: the session or the environment list
// did not validate, the slug is unknown — or this is the demo (the entry may run before
// app-config.js and so not know): there the fake API in the service worker answers, not the network.
void (data ? data.list : Promise.resolve()).finally(discardEarlyResponses);

/**
 * Resolves when the app may render: at once, or on a secrets page once the masked list is in
 * (at most LIST_WAIT_MS). The first render is then the page with its rows, in one pass, rather
 * than a placeholder, skeletons and rows while the response is being read. While the entry's
 * first paint is on screen (first-paint.ts) there is no limit: the rows are already shown, and
 * React's first commit, which replaces them, must be the page with its rows (or the list's error).
 */
export const firstRenderMayStart: Promise<void> = data
  ? Promise.race([data.list, delay(LIST_WAIT_MS).then(() => (firstPaintShown(document.getElementById('root')) ? data.list : undefined))])
  : Promise.resolve();
