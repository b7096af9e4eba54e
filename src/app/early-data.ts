/**
 * The start of the app, before React DOM and the router are evaluated (main.tsx imports this
 * module first): runtime config, the session, the QueryClient — and, on a direct load of a
 * secrets page against a real API, the environment list and the masked list start downloading
 * at once instead of after the rest of the code has run.
 */
import { apiClient } from '@/api/client';
import { createQueryClient } from '@/api/query-client';
import { readRuntimeConfig } from '@/config/runtime-config';
import { reportBackgroundError } from '@/lib/background-errors';
import { sessionStore } from '@/features/session/session-store';
import { secretsPageParams } from './paths';
import { startSecretsPageData } from './routes/secrets-loader';

export const config = readRuntimeConfig();
apiClient.setTimeoutMs(config.requestTimeoutMs);
sessionStore.restore();

export const queryClient = createQueryClient({ onBackgroundError: reportBackgroundError });

// In the demo the fake API is not running yet (main.tsx starts it): the route loader fetches.
const page = secretsPageParams(location.pathname);
if (page && !config.demo && sessionStore.get()) void startSecretsPageData(queryClient, page.appId, page.envSlug);
