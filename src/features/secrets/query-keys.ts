import { REVEALED_KEY } from '@/api/query-client';

/** A name filter as it goes into a key and a request: sorted, and undefined for "every secret". */
export function nameFilter(names: readonly string[] | undefined): string[] | undefined {
  return names && names.length > 0 ? [...names].sort() : undefined;
}

/**
 * Query keys of the secrets feature, generic to specific, so that every invalidation or removal
 * is a prefix match:
 *   ['secrets', appId]                               everything masked of an app
 *   ['secrets', appId, 'list']                       every masked list of the app (a create)
 *   ['secrets', appId, 'list', envId]                every masked list of an environment (a write)
 *   ['secrets', appId, 'list', envId, {names}]       one masked list (list-query.ts)
 *   ['secrets', appId, 'detail', secretId]           one secret entity (detail-query.ts)
 *   ['secrets', appId, 'locate', secretId, envIds]   its name, found in the lists (locate-query.ts)
 *   ['revealed', appId]                              every clear value of an app
 *   ['revealed', appId, envId]                       every clear value of an environment
 *   ['revealed', appId, envId, {names}]              one Full-mode response (revealed-query.ts)
 * Clear values live under a root of their own, whose defaults the QueryClient sets once.
 */
export const secretQueryKeys = {
  app: (appId: string) => ['secrets', appId] as const,
  lists: (appId: string) => [...secretQueryKeys.app(appId), 'list'] as const,
  listsIn: (appId: string, envId: string) => [...secretQueryKeys.lists(appId), envId] as const,
  list: (appId: string, envId: string, names?: readonly string[]) =>
    [...secretQueryKeys.listsIn(appId, envId), { names: nameFilter(names) }] as const,
  detail: (appId: string, secretId: string) => [...secretQueryKeys.app(appId), 'detail', secretId] as const,
  locate: (appId: string, secretId: string, envIds: readonly string[]) =>
    [...secretQueryKeys.app(appId), 'locate', secretId, [...envIds]] as const,
  revealed: (appId: string) => [...REVEALED_KEY, appId] as const,
  revealedIn: (appId: string, envId: string) => [...secretQueryKeys.revealed(appId), envId] as const,
  /** One Full-mode response: the values of `names`, or of every secret when there are none. */
  revealedValues: (appId: string, envId: string, names?: readonly string[]) =>
    [...secretQueryKeys.revealedIn(appId, envId), { names: nameFilter(names) }] as const,
};
