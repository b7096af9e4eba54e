import { lazy, Suspense, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import { useQueryClient, type FetchQueryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { TokenScope } from '@/api/contract';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { renewToken } from '@/features/session/renew-token';
import { useSession, useSignOut } from '@/features/session/use-session';
import { sessionRenewal } from '@/lib/session-renewal';
import { appLookupProblem } from './route-problem';

// Loaded the first time a token is asked for again.
const ReauthPrompt = lazy(() => import('@/features/session/components/reauth-prompt').then((m) => ({ default: m.ReauthPrompt })));

/** Fetched again after renewal: a list fetched a moment ago (the read token's check) is not asked twice. */
const RECHECK_STALE_MS = 5_000;

/** Fetches now with the session's current token, not joining a request still running with the refused one. */
async function fetchFresh<T, K extends QueryKey>(queryClient: QueryClient, options: FetchQueryOptions<T, Error, T, K>, staleTime: number): Promise<T> {
  await queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
  return queryClient.fetchQuery({ ...options, staleTime, retry: false });
}

/** After renewal: does the page's app still resolve, and which environments exist (the write dialogs compare theirs). */
async function recheck(queryClient: QueryClient, renewal: number, appId: string | undefined): Promise<void> {
  const [app, environments] = await Promise.allSettled([
    appId ? fetchFresh(queryClient, appQueries.lookup(appId, 'Identifier'), RECHECK_STALE_MS) : Promise.resolve(null),
    fetchFresh(queryClient, environmentQueries.list(), RECHECK_STALE_MS),
  ]);
  const problem = app.status === 'rejected' && appId ? appLookupProblem(app.reason, appId) : null;
  sessionRenewal.settle(renewal, {
    state: 'done',
    appProblem:
      problem?.kind === 'no-app'
        ? `The app ${appId} no longer exists.`
        : problem?.kind === 'app-forbidden'
          ? `Your token may no longer open the app ${appId}.`
          : null,
    environmentIds: environments.status === 'fulfilled' ? environments.value.map((env) => env.id) : null,
  });
}

/**
 * Puts the new token in place of the refused one. A read token is checked with the environments
 * list first (a refusal keeps the prompt open with its message); a write token cannot be checked
 * by a read, so the retried write checks it. Then the prompt closes and the page's place is checked.
 */
async function renew(queryClient: QueryClient, scope: TokenScope, token: string, appId: string | undefined): Promise<void> {
  if (!renewToken(scope, token)) return;
  if (scope === 'read') await fetchFresh(queryClient, environmentQueries.list(), 0);
  sessionRenewal.renewed();
  void recheck(queryClient, sessionRenewal.get().renewals, appId);
}

/** The re-authentication prompt over the signed-in page, while a refused token is asked for again (session-renewal.ts). */
export function ReauthHost() {
  const { asking, renewals } = useSyncExternalStore(sessionRenewal.subscribe, sessionRenewal.get, sessionRenewal.get);
  const session = useSession();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const { appId } = useParams();
  if (asking === null || !session) return null;
  return (
    <Suspense fallback={null}>
      {/* A new prompt (empty field) each time a token is asked for. */}
      <ReauthPrompt
        key={renewals}
        scope={asking}
        origin={new URL(session.baseUrl, location.origin).origin}
        onSubmit={(token) => renew(queryClient, asking, token, appId)}
        // The signed-in frame then sends the user to sign-in, back here afterwards (the input is lost).
        onSignOut={signOut}
      />
    </Suspense>
  );
}
