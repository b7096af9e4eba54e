// @vitest-environment node
import { VALUE_TYPE, type Environment, type RenderedSecret } from '@/api/contract';
import { comparisonSummary, foldOrder, newDigestKey, NoWebCryptoError, startComparison, valueRisks, verdictOf, type Comparison } from './compare-model';

const env = (slug: string, label: string): Environment => ({ id: `env_${slug}`, slug, name: slug, label });
const value = (key: string, text: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: text });
const none = (key: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none });

const DEV = env('development', 'Development');
const QA = env('qa', 'QA');
const PROD = env('production', 'Production');

/** Folds the lists in the order a comparison fetches them. */
async function compare(environments: Environment[], lists: RenderedSecret[][]): Promise<Comparison> {
  const fold = startComparison(environments, await newDigestKey());
  for (const column of foldOrder(environments)) await fold.add(column, lists[column] ?? []);
  return fold.result();
}

const verdicts = (comparison: Comparison, key: string, columns: number) =>
  Array.from({ length: columns }, (_, c) => {
    const { verdict, risks } = verdictOf(comparison, key, c);
    return [verdict, ...risks].join(' + ');
  });

describe('valueRisks', () => {
  it('flags leading or trailing whitespace and whole-value placeholders, case-insensitively', () => {
    expect(valueRisks(' sk_live')).toEqual(['whitespace']);
    expect(valueRisks('sk_live\n')).toEqual(['whitespace']);
    expect(valueRisks('ChangeMe')).toEqual(['placeholder']);
    expect(valueRisks('todo ')).toEqual(['whitespace', 'placeholder']);
    expect(valueRisks('XXXX')).toEqual(['placeholder']);
    expect(valueRisks('<your key here>')).toEqual(['placeholder']);
    expect(valueRisks('sk_live_todo')).toEqual([]);
    expect(valueRisks('a <b> c')).toEqual([]);
    expect(valueRisks('in the middle is fine')).toEqual([]);
  });
});

describe('startComparison', () => {
  it('folds production first, then each environment into same / differs / missing with its risks', async () => {
    // Columns as shown: Development, Production, QA.
    const environments = [DEV, PROD, QA];
    expect(foldOrder(environments)).toEqual([1, 0, 2]);
    const result = await compare(environments, [
      [value('SAME', 'v1'), value('DIFF', 'dev'), none('GONE'), value('ONLY_DEV', 'x1'), value('SPACE', ' p ')],
      [value('SAME', 'v1'), value('DIFF', 'prod'), value('GONE', 'g'), value('PLACE', 'changeme'), value('SPACE', 'p')],
      [value('SAME', 'v1'), value('DIFF', 'prod'), value('PLACE', 'TODO')],
    ]);
    expect(result.reference).toBe(1);
    expect(verdicts(result, 'SAME', 3)).toEqual(['same + equals production', 'production', 'same + equals production']);
    expect(verdicts(result, 'DIFF', 3)).toEqual(['differs', 'production', 'same + equals production']);
    expect(verdicts(result, 'GONE', 3)).toEqual(['missing', 'production', 'missing']);
    expect(verdicts(result, 'ONLY_DEV', 3)).toEqual(['differs', 'missing', 'missing']);
    expect(verdicts(result, 'PLACE', 3)).toEqual(['missing', 'production + placeholder', 'differs + placeholder']);
    expect(verdicts(result, 'SPACE', 3)).toEqual(['differs + whitespace', 'production', 'missing']);
    expect(result.differs).toBe(4);
    expect(result.risky).toBe(6);
    expect([...result.differingKeys].sort()).toEqual(['DIFF', 'ONLY_DEV', 'PLACE', 'SPACE']);
    expect([...result.riskyKeys].sort()).toEqual(['DIFF', 'PLACE', 'SAME', 'SPACE']);
    expect(comparisonSummary(result, environments)).toBe('Compared 3 environments: 4 values differ from Production, 6 risky.');
  });

  it('keeps no value: only verdicts, risks and keys', async () => {
    const result = await compare([DEV, PROD], [[value('K', 'dev-secret-1')], [value('K', 'prod-secret-2')]]);
    const kept = JSON.stringify(result, (_, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v));
    expect(kept).toContain('"K"');
    expect(kept).not.toMatch(/secret-[12]/);
  });

  it('compares a second production environment with the first without calling it risky', async () => {
    const prodUs = env('prod-us', 'Prod US');
    const result = await compare([PROD, prodUs, QA], [[value('K', 'v')], [value('K', 'v')], [value('K', 'w')]]);
    expect(verdicts(result, 'K', 3)).toEqual(['production', 'same', 'differs']);
    expect(result.risky).toBe(0);
  });

  it('without a production environment, groups nothing but still flags whitespace and placeholders', async () => {
    const result = await compare([DEV, QA], [[value('A', 'same'), value('B', 'xxx')], [value('A', 'same'), value('B', 'b ')]]);
    expect(result.reference).toBeNull();
    expect(verdicts(result, 'A', 2)).toEqual(['unchecked', 'unchecked']);
    expect(verdicts(result, 'B', 2)).toEqual(['unchecked + placeholder', 'unchecked + whitespace']);
    expect(result.differs).toBe(0);
    expect(result.risky).toBe(2);
    expect(comparisonSummary(result, [DEV, QA])).toBe('Compared 2 environments: no production environment, so values are not grouped; 2 risky.');
  });

  it('refuses another environment before production (its values could not be compared)', async () => {
    const fold = startComparison([DEV, PROD], await newDigestKey());
    await expect(fold.add(0, [value('K', 'v')])).rejects.toThrow('Production is folded first');
  });

  it('compares under a fresh key each time: equal values match only within one comparison', async () => {
    const [a, b] = await Promise.all([newDigestKey(), newDigestKey()]);
    const fold = startComparison([PROD, DEV], a);
    await fold.add(0, [value('K', 'v')]);
    await fold.add(1, [value('K', 'v')]);
    expect(verdictOf(fold.result(), 'K', 1).verdict).toBe('same');
    expect(a).not.toBe(b);
    expect(a.extractable).toBe(false);
  });

  it('says so where the page has no Web Crypto (not a secure context)', async () => {
    vi.stubGlobal('crypto', {});
    try {
      await expect(newDigestKey()).rejects.toBeInstanceOf(NoWebCryptoError);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
