import { useQuery } from '@tanstack/react-query';
import { environmentQueries } from '@/features/environments/queries';
import { useLastEnvironment } from './last-environment';
import { appPath, envPath } from './paths';

/**
 * Where "back to the app" leads: the environment it was last shown in when there still is one,
 * else its first environment, else the app's address (which opens the first one once known).
 */
export function appReturnHref(appId: string, lastSlug: string | undefined, environments: readonly { slug: string }[] | undefined): string {
  if (!environments) return lastSlug ? envPath(appId, lastSlug) : appPath(appId);
  const env = environments.find((e) => e.slug === lastSlug) ?? environments[0];
  return env ? envPath(appId, env.slug) : appPath(appId);
}

/** appReturnHref for the app in view, from this tab's memory and the environment list. */
export function useAppReturnHref(appId: string): string {
  const lastSlug = useLastEnvironment(appId);
  const environments = useQuery({ ...environmentQueries.list(), enabled: appId !== '' });
  return appReturnHref(appId, lastSlug, environments.data);
}
