import type { QueryClient } from '@tanstack/react-query';
import type { App } from '@/api/contract';
import { appQueries } from '@/features/apps/queries';
import { appLookupProblem, problemResponse } from '../route-problem';

/**
 * Looks the app up for a page's loader. Throws the "no app" / "no access" page's response on a 404
 * or a 403; any other failure resolves to undefined and is left to the page. Asked once, without
 * retries: the page's own query retries what is worth retrying.
 */
export async function checkApp(queryClient: QueryClient, appId: string): Promise<App | undefined> {
  try {
    return await queryClient.ensureQueryData({ ...appQueries.lookup(appId, 'Identifier'), retry: false });
  } catch (error) {
    // The apps list, when already loaded, names an app the token may not open.
    const listed = queryClient.getQueryData(appQueries.list().queryKey)?.find((app) => app.id === appId);
    const problem = appLookupProblem(error, appId, listed?.name);
    if (problem) throw problemResponse(problem);
    return undefined;
  }
}
