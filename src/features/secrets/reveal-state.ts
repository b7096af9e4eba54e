/**
 * Which values are revealed and until when, per environment: the state machine behind
 * useRevealedValues, as pure functions. It never holds a value (see RevealedValue).
 */

/** How a value is revealed: on its own, or as part of "reveal all" of its environment. */
export interface RowReveal {
  source: 'single' | 'all';
  expiresAt: number;
}

interface EnvironmentReveal {
  /** Names revealed one by one, with the time each hides itself. */
  names: ReadonlyMap<string, number>;
  /** While every value of the environment is revealed: the time they hide themselves. */
  allUntil: number | null;
  /** Names hidden one by one while every value is revealed. */
  excluded: ReadonlySet<string>;
}

/** envId → what is revealed there; an environment with nothing revealed has no entry. */
export type RevealState = ReadonlyMap<string, EnvironmentReveal>;

export const NOTHING_REVEALED: RevealState = new Map();

const NONE: EnvironmentReveal = { names: new Map(), allUntil: null, excluded: new Set() };

/** Applies `change` to one environment; the same state back when nothing changed. */
function update(state: RevealState, envId: string, change: (env: EnvironmentReveal) => EnvironmentReveal): RevealState {
  const before = state.get(envId) ?? NONE;
  const after = change(before);
  if (after === before) return state;
  const next = new Map(state);
  if (after.names.size === 0 && after.allUntil === null) next.delete(envId);
  else next.set(envId, after);
  return next;
}

export function revealOne(state: RevealState, envId: string, name: string, until: number): RevealState {
  return update(state, envId, (env) => ({ ...env, names: new Map(env.names).set(name, until) }));
}

export function revealAll(state: RevealState, envId: string, until: number): RevealState {
  return update(state, envId, (env) => ({ ...env, allUntil: until, excluded: new Set() }));
}

/** Hides one name, whether revealed on its own or as part of "reveal all". */
export function hideOne(state: RevealState, envId: string, name: string): RevealState {
  return update(state, envId, (env) => {
    if (!env.names.has(name) && (env.allUntil === null || env.excluded.has(name))) return env;
    const names = new Map(env.names);
    names.delete(name);
    return { ...env, names, excluded: env.allUntil === null ? env.excluded : new Set(env.excluded).add(name) };
  });
}

/** Ends "reveal all" of an environment; names revealed one by one keep their own timers. */
export function endAll(state: RevealState, envId: string): RevealState {
  return update(state, envId, (env) => (env.allUntil === null ? env : { ...env, allUntil: null, excluded: new Set() }));
}

export function hideEnvironment(state: RevealState, envId: string): RevealState {
  return update(state, envId, (env) => (env === NONE ? env : NONE));
}

/**
 * After a revealed entry was removed: hides what it showed. `isRemoved(envId, names)` says whether
 * the removed entry is the one of `names` (undefined: "reveal all") in `envId`.
 */
export function afterRemoval(state: RevealState, isRemoved: (envId: string, names?: readonly string[]) => boolean): RevealState {
  let next = state;
  for (const [envId, env] of state) {
    if (env.allUntil !== null && isRemoved(envId)) next = endAll(next, envId);
    for (const name of env.names.keys()) {
      if (isRemoved(envId, [name])) next = update(next, envId, (e) => ({ ...e, names: withoutName(e.names, name) }));
    }
  }
  return next;
}

function withoutName(names: ReadonlyMap<string, number>, name: string): ReadonlyMap<string, number> {
  const next = new Map(names);
  next.delete(name);
  return next;
}

/** The earliest time something hides itself, or null when nothing is revealed. */
export function nextExpiry(state: RevealState): number | null {
  let next: number | null = null;
  for (const env of state.values()) {
    for (const until of env.allUntil === null ? env.names.values() : [env.allUntil, ...env.names.values()]) {
      if (next === null || until < next) next = until;
    }
  }
  return next;
}

/** What is due to hide at `now`: a name revealed on its own, or (no name) "reveal all". */
export function dueAt(state: RevealState, now: number): Array<{ envId: string; name?: string }> {
  const due: Array<{ envId: string; name?: string }> = [];
  for (const [envId, env] of state) {
    if (env.allUntil !== null && env.allUntil <= now) due.push({ envId });
    for (const [name, until] of env.names) if (until <= now) due.push({ envId, name });
  }
  return due;
}

export function isAllRevealed(state: RevealState, envId: string): boolean {
  return (state.get(envId)?.allUntil ?? null) !== null;
}

/**
 * A lookup of how (envId, name) is revealed, or null while it is masked. One object per revealed
 * name and state, so memoized rows re-render only when theirs changes.
 */
export function revealLookup(state: RevealState): (envId: string, name: string) => RowReveal | null {
  const byEnv = new Map<string, { singles: Map<string, RowReveal>; all: RowReveal | null; excluded: ReadonlySet<string> }>();
  for (const [envId, env] of state) {
    const singles = new Map<string, RowReveal>();
    for (const [name, expiresAt] of env.names) singles.set(name, { source: 'single', expiresAt });
    byEnv.set(envId, { singles, all: env.allUntil === null ? null : { source: 'all', expiresAt: env.allUntil }, excluded: env.excluded });
  }
  return (envId, name) => {
    const env = byEnv.get(envId);
    if (!env) return null;
    return env.singles.get(name) ?? (env.all && !env.excluded.has(name) ? env.all : null);
  };
}
