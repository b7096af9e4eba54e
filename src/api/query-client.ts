/**
 * One QueryClient factory with deliberate defaults:
 * - reads: no retry on 4xx or on a body that breaks the contract; up to 3 retries with
 *   exponential backoff on network errors, timeouts and 5xx; a 429 waits `Retry-After`;
 * - mutations (writes) are never retried automatically (the user decides), and are forgotten
 *   as soon as their component is gone (their variables hold the value that was set);
 * - entries under REVEALED_KEY (clear values) are never refetched in the background.
 */
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

export const MAX_READ_RETRIES = 3;

/** Root of every entry that holds clear (Full-mode) values; their defaults are set once below. */
export const REVEALED_KEY = ['revealed'] as const;

/**
 * Revealed entries are removed explicitly by whoever revealed them: on hide, on auto-hide, on tab
 * switch, on leaving, after a write, on sign-out. This garbage-collection time is only the
 * backstop, set to the longest auto-hide delay.
 */
export const FULL_ENTRY_GC_MS = 300_000;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false;
  if (!isApiError(error)) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return error.status === 429 || (error.status !== undefined && error.status >= 500);
    default:
      return false;
  }
}

export function readRetryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.status === 429 && error.retryAfterMs !== undefined) {
    return Math.min(error.retryAfterMs, MAX_RETRY_AFTER_MS);
  }
  // react-query passes failureCount 0 for the first retry: 500 ms, 1 s, 2 s … capped.
  return Math.min(500 * 2 ** Math.max(0, failureCount), MAX_BACKOFF_MS);
}

export interface CreateQueryClientOptions {
  /** Tests pass false to see errors at once. */
  retry?: boolean;
  /** Where background errors go (one place, not a toast per request). */
  onBackgroundError?: (error: unknown) => void;
}

export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const queryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // Only errors of queries that already had data are "background" errors: a first load
        // shows its own error state where the data would be.
        if (query.state.data !== undefined) options.onBackgroundError?.(error);
      },
    }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetryRead,
        retryDelay: readRetryDelay,
        staleTime: 15_000,
        refetchOnWindowFocus: true,
      },
      // A write's variables hold the value typed: drop the mutation as soon as nothing observes it.
      mutations: { retry: false, gcTime: 0 },
    },
  });
  // A clear value is fetched once per reveal: never stale, never refetched on focus or reconnect.
  queryClient.setQueryDefaults(REVEALED_KEY, {
    staleTime: Infinity,
    gcTime: FULL_ENTRY_GC_MS,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  return queryClient;
}
