// @vitest-environment node
import { afterRemoval, dueAt, endAll, hideEnvironment, hideOne, isAllRevealed, nextExpiry, NOTHING_REVEALED, revealAll, revealLookup, revealOne } from './reveal-state';

const DEV = 'env_dev';
const PROD = 'env_prod';

describe('reveal state', () => {
  it('reveals names one by one per environment, each with its own expiry', () => {
    const state = revealOne(revealOne(NOTHING_REVEALED, DEV, 'A', 100), PROD, 'A', 200);
    const of = revealLookup(state);
    expect(of(DEV, 'A')).toEqual({ source: 'single', expiresAt: 100 });
    expect(of(PROD, 'A')).toEqual({ source: 'single', expiresAt: 200 });
    expect(of(DEV, 'B')).toBeNull();
    expect(of('env_other', 'A')).toBeNull();
    expect(nextExpiry(state)).toBe(100);
  });

  it('"reveal all" shows every name of its environment, except those hidden one by one', () => {
    let state = revealAll(NOTHING_REVEALED, PROD, 300);
    expect(isAllRevealed(state, PROD)).toBe(true);
    expect(isAllRevealed(state, DEV)).toBe(false);
    expect(revealLookup(state)(PROD, 'ANY')).toEqual({ source: 'all', expiresAt: 300 });

    state = hideOne(state, PROD, 'B');
    expect(revealLookup(state)(PROD, 'B')).toBeNull();
    expect(revealLookup(state)(PROD, 'C')).toEqual({ source: 'all', expiresAt: 300 });
    // Revealing it again on its own shows it with its own timer.
    state = revealOne(state, PROD, 'B', 50);
    expect(revealLookup(state)(PROD, 'B')).toEqual({ source: 'single', expiresAt: 50 });
  });

  it('ending "reveal all" keeps the names revealed one by one', () => {
    const state = endAll(revealOne(revealAll(NOTHING_REVEALED, PROD, 300), PROD, 'A', 100), PROD);
    const of = revealLookup(state);
    expect(of(PROD, 'A')).toEqual({ source: 'single', expiresAt: 100 });
    expect(of(PROD, 'B')).toBeNull();
    expect(isAllRevealed(state, PROD)).toBe(false);
  });

  it('an environment with nothing left revealed leaves the state', () => {
    expect(hideOne(revealOne(NOTHING_REVEALED, DEV, 'A', 1), DEV, 'A').size).toBe(0);
    expect(endAll(revealAll(NOTHING_REVEALED, DEV, 1), DEV).size).toBe(0);
    const both = revealAll(revealOne(revealOne(NOTHING_REVEALED, DEV, 'A', 1), PROD, 'A', 1), DEV, 2);
    expect([...hideEnvironment(both, DEV).keys()]).toEqual([PROD]);
  });

  it('returns the same state when nothing changes (no re-render)', () => {
    const state = revealOne(NOTHING_REVEALED, DEV, 'A', 1);
    expect(hideOne(state, DEV, 'B')).toBe(state);
    expect(hideOne(state, PROD, 'A')).toBe(state);
    expect(endAll(state, DEV)).toBe(state);
    expect(hideEnvironment(state, PROD)).toBe(state);
    expect(afterRemoval(state, () => false)).toBe(state);
  });

  it('lists what is due at a time, and the next expiry', () => {
    const state = revealAll(revealOne(revealOne(NOTHING_REVEALED, DEV, 'A', 100), DEV, 'B', 300), PROD, 200);
    expect(nextExpiry(state)).toBe(100);
    expect(dueAt(state, 99)).toEqual([]);
    expect(dueAt(state, 200)).toEqual([{ envId: DEV, name: 'A' }, { envId: PROD }]);
    expect(nextExpiry(NOTHING_REVEALED)).toBeNull();
  });

  it('after an entry was removed elsewhere, hides exactly what that entry showed', () => {
    const state = revealAll(revealOne(revealOne(NOTHING_REVEALED, DEV, 'A', 100), PROD, 'A', 100), PROD, 300);
    // The removed entry: PROD's "reveal all".
    const allGone = afterRemoval(state, (envId, names) => envId === PROD && names === undefined);
    expect(isAllRevealed(allGone, PROD)).toBe(false);
    expect(revealLookup(allGone)(PROD, 'A')).toEqual({ source: 'single', expiresAt: 100 });
    // The removed entry: A's value in DEV; A stays revealed in PROD.
    const oneGone = afterRemoval(state, (envId, names) => envId === DEV && names?.[0] === 'A');
    expect(revealLookup(oneGone)(DEV, 'A')).toBeNull();
    expect(revealLookup(oneGone)(PROD, 'A')).toEqual({ source: 'single', expiresAt: 100 });
  });

  it('gives the same object for a revealed name while the state is the same', () => {
    const of = revealLookup(revealAll(revealOne(NOTHING_REVEALED, DEV, 'A', 1), DEV, 2));
    expect(of(DEV, 'A')).toBe(of(DEV, 'A'));
    expect(of(DEV, 'B')).toBe(of(DEV, 'C'));
  });
});
