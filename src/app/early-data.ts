/**
 * The start of the app, in the entry chunk before React DOM and the router (main.tsx imports
 * this module first): runtime config, the session, the QueryClient — and, on a direct load of a
 * secrets page against a real API, the environment list and the masked list start downloading at
 * once instead of after the rest of the code has run.
 */
import { apiClient } from '@/api/client';
import { createQueryClient } from '@/api/query-client';
import { readRuntimeConfig } from '@/config/runtime-config';
import { reportBackgroundError } from '@/lib/background-errors';
import { sessionStore } from '@/features/session/session-store';
import { secretsPageParams } from './paths';
import { delay, LIST_WAIT_MS, startSecretsPageData } from './routes/secrets-loader';

export const config = readRuntimeConfig();
apiClient.setTimeoutMs(config.requestTimeoutMs);
sessionStore.restore();

export const queryClient = createQueryClient({ onBackgroundError: reportBackgroundError });

/** The longest the app's code waits for the list request to leave before it starts anyway. */
const HOLD_APP_MAX_MS = 250;

// In the demo the fake API is not running yet (main.tsx starts it): the route loader fetches.
const page = secretsPageParams(location.pathname);
const data = page && !config.demo && sessionStore.get() ? startSecretsPageData(queryClient, page.appId, page.envSlug) : null;

/**
 * Resolves when the app's code may run: at once, or on a secrets page once the masked list's
 * request has left (at most HOLD_APP_MAX_MS). Evaluating React DOM and rendering keep the main
 * thread busy; the environment list's response waited behind them, and the list request with it.
 */
export const appMayStart: Promise<void> = data ? Promise.race([data.started, delay(HOLD_APP_MAX_MS)]) : Promise.resolve();

/**
 * Resolves when the app may render: at once, or on a secrets page once the masked list is in
 * (at most LIST_WAIT_MS). The first render is then the page with its rows, in one pass, rather
 * than a placeholder, skeletons and rows while the response is being read.
 */
export const firstRenderMayStart: Promise<void> = data ? Promise.race([data.list, delay(LIST_WAIT_MS)]) : Promise.resolve();
