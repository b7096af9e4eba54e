import { useQuery } from '@tanstack/react-query';
import { environmentQueries } from '@/features/environments/queries';
import { useLastEnvironment } from './last-environment';
import { appPath, envPath } from './paths';

/**
 * Where "back to the app" leads: the environment it was last shown in when there still is one,
 * else the app's overview (its address).
 */
export function appReturnHref(appId: string, lastSlug: string | undefined, environments: readonly { slug: string }[] | undefined): string {
  if (!lastSlug) return appPath(appId);
  if (!environments) return envPath(appId, lastSlug);
  return environments.some((e) => e.slug === lastSlug) ? envPath(appId, lastSlug) : appPath(appId);
}

/** appReturnHref for the app in view, from this tab's memory and the environment list. */
export function useAppReturnHref(appId: string): string {
  const lastSlug = useLastEnvironment(appId);
  const environments = useQuery({ ...environmentQueries.list(), enabled: appId !== '' });
  return appReturnHref(appId, lastSlug, environments.data);
}
