import type { RenderedSecret } from '@/api/contract';

/**
 * Reading clear values (Full mode) by name, as compare, copy and import do: never cached, a hundred
 * names per request, or the whole environment when that takes fewer requests.
 */

/** An environment's clear values of `names`, or of every secret; never cached (routes pass the secrets feature's request). */
export type ReadFullList = (envId: string, names: readonly string[] | undefined, signal: AbortSignal) => Promise<readonly RenderedSecret[]>;

/** Names per Full read: a name filter this long still fits in a URL (about 4 KB). */
export const NAME_FILTER_MAX = 100;
/** Past this many filtered reads, one read of the whole environment is cheaper. */
export const FILTERED_READS_MAX = 10;

/**
 * The name filters to read `keys` with, in parallel: chunks of NAME_FILTER_MAX names, or one read
 * of the whole environment (undefined) when that would take more than FILTERED_READS_MAX requests.
 */
export function readPlan(keys: readonly string[]): Array<readonly string[] | undefined> {
  if (keys.length > NAME_FILTER_MAX * FILTERED_READS_MAX) return [undefined];
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += NAME_FILTER_MAX) chunks.push(keys.slice(i, i + NAME_FILTER_MAX));
  return chunks;
}

/** The Full lists of `keys` in one environment, read as readPlan says (a whole environment may hold more). */
export async function readKeys(
  keys: readonly string[],
  read: (names: readonly string[] | undefined) => Promise<readonly RenderedSecret[]>,
): Promise<RenderedSecret[]> {
  const parts = await Promise.all(readPlan(keys).map(read));
  return parts.flat();
}
