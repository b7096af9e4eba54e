import { useMemo, useState } from 'react';
import { useQueries, type QueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { Environment, RenderedSecretsResponse } from '@/api/contract';
import { createLimiter } from '@/lib/limiter';
import type { ColumnList } from './overview-model';

/**
 * An environment's masked list (PreviewOnly) as the route builds it: the secrets page's own query
 * options, so that both pages share cache entries.
 */
export type ListOptions<TKey extends QueryKey> = UseQueryOptions<RenderedSecretsResponse, Error, RenderedSecretsResponse, TKey>;

/** How many environment lists are fetched at once: twelve lists of 10,000 keys would all compete otherwise. */
export const LIST_CONCURRENCY = 4;
const listLimiter = createLimiter(LIST_CONCURRENCY);

/** The same options, their fetch (retries and refetches included) waiting for a free slot. */
export function limitedList<TKey extends QueryKey>(options: ListOptions<TKey>): ListOptions<TKey> {
  const { queryFn } = options;
  if (typeof queryFn !== 'function') return options;
  return { ...options, queryFn: (context) => listLimiter.run(() => queryFn(context), context.signal) };
}

/** Starts every environment's list (a route loader), the same few at a time as the page. */
export function prefetchEnvironmentLists<TKey extends QueryKey>(queryClient: QueryClient, lists: readonly ListOptions<TKey>[]): void {
  for (const options of lists) void queryClient.prefetchQuery(limitedList(options));
}

/** One environment's list as the overview sees it. */
export interface ColumnState {
  environment: Environment;
  /** The list's secrets; undefined while it loads or when it failed. */
  secrets: ColumnList;
  pending: boolean;
  error: Error | null;
  retry: () => void;
}

/** The same array as last time when every item is the same: memoized work downstream stays valid. */
function useStable<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same = kept.length === items.length && items.every((item, i) => item === kept[i]);
  if (!same) setKept(items);
  return same ? kept : items;
}

/** Every environment's masked list, loaded in parallel (LIST_CONCURRENCY at a time). */
export function useEnvironmentLists<TKey extends QueryKey>(environments: readonly Environment[], listOptions: (envId: string) => ListOptions<TKey>): {
  columns: ColumnState[];
  lists: readonly ColumnList[];
} {
  const queries = useMemo(
    // A list that failed before the page mounted (the loader's read) shows its error with Retry, not a new request.
    () => environments.map((env) => ({ ...limitedList(listOptions(env.id)), retryOnMount: false })),
    [environments, listOptions],
  );
  const results = useQueries({ queries });
  const columns = results.map((result, i) => ({
    environment: environments[i] as Environment,
    secrets: result.data?.secrets,
    pending: result.isPending,
    // An error after data (a failed refresh) keeps the data shown: the app's background errors say so.
    error: result.data === undefined ? result.error : null,
    retry: () => void result.refetch(),
  }));
  const lists = useStable(columns.map((column) => column.secrets));
  return { columns, lists };
}
