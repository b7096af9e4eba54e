import type { QueryClient } from '@tanstack/react-query';
import type { RenderedSecret } from '@/api/contract';

/**
 * Writes this tab made, one record per QueryClient: the write hooks note them, and the secrets
 * page's "changed on the server" notice takes them out of what it compares, so a user's own
 * create or set value is not announced as news.
 */
export interface OwnWrite {
  appId: string;
  /** The environment written; omitted for a create, which adds the secret to every environment. */
  envId?: string | undefined;
  secretId: string;
}

interface Entry extends OwnWrite {
  /** For a create: the environments whose lists were compared since (it is out of their news). */
  taken: Set<string>;
}

const records = new WeakMap<QueryClient, Entry[]>();

export function noteOwnWrite(queryClient: QueryClient, write: OwnWrite): void {
  const entries = records.get(queryClient) ?? [];
  entries.push({ ...write, taken: new Set() });
  records.set(queryClient, entries);
}

/**
 * The secrets this tab wrote in one environment since its list was last compared, and forgets
 * them for that environment (a create stays noted for the environments not compared yet).
 */
export function takeOwnWrites(queryClient: QueryClient, appId: string, envId: string): Set<string> {
  const entries = records.get(queryClient);
  const taken = new Set<string>();
  if (!entries) return taken;
  const kept: Entry[] = [];
  for (const entry of entries) {
    const matches = entry.appId === appId && (entry.envId === undefined ? !entry.taken.has(envId) : entry.envId === envId);
    if (matches) taken.add(entry.secretId);
    if (matches && entry.envId === undefined) entry.taken.add(envId);
    if (!matches || entry.envId === undefined) kept.push(entry);
  }
  records.set(queryClient, kept);
  return taken;
}

const sameEntry = (a: RenderedSecret, b: RenderedSecret) =>
  a.secretId === b.secretId && a.valueType === b.valueType && a.serializedValue === b.serializedValue;

/**
 * The keys added, removed or changed between two masked lists of one environment, leaving out
 * the secrets in `own` (this tab's writes). Empty: nothing for the user to be told.
 */
export function changedKeys(before: readonly RenderedSecret[], after: readonly RenderedSecret[], own: ReadonlySet<string> = new Set()): string[] {
  const previous = new Map(before.map((secret) => [secret.key, secret]));
  const next = new Map(after.map((secret) => [secret.key, secret]));
  const changed: string[] = [];
  for (const key of new Set([...previous.keys(), ...next.keys()])) {
    const a = previous.get(key);
    const b = next.get(key);
    if (a && b && sameEntry(a, b)) continue;
    if ((a && own.has(a.secretId)) || (b && own.has(b.secretId))) continue;
    changed.push(key);
  }
  return changed.sort();
}
