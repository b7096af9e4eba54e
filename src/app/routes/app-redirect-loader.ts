import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { environmentQueries } from '@/features/environments/queries';
import { envPath } from '../paths';

/** `/apps/:appId` opens the app's first environment. */
export function appRedirectLoader(queryClient: QueryClient) {
  return async ({ params }: LoaderFunctionArgs) => {
    const environments = await queryClient.ensureQueryData(environmentQueries.list());
    const first = environments[0];
    if (!first) return redirect('/apps');
    return redirect(envPath(params.appId ?? '', first.slug));
  };
}
