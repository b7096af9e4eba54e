// @vitest-environment node
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { FILTERED_READS_MAX, NAME_FILTER_MAX, readKeys, readPlan } from './full-reads';

const value = (key: string, text: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: text });

describe('readPlan and readKeys', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `K${i}`);

  it('reads by name in chunks that fit in a URL, then the whole environment', () => {
    expect(readPlan(names(3))).toEqual([['K0', 'K1', 'K2']]);
    expect(readPlan(names(NAME_FILTER_MAX + 1)).map((chunk) => chunk?.length)).toEqual([NAME_FILTER_MAX, 1]);
    expect(readPlan(names(NAME_FILTER_MAX * FILTERED_READS_MAX))).toHaveLength(FILTERED_READS_MAX);
    expect(readPlan(names(NAME_FILTER_MAX * FILTERED_READS_MAX + 1))).toEqual([undefined]);
  });

  it('joins the chunks read', async () => {
    const read = vi.fn(async (filter: readonly string[] | undefined) => (filter ?? []).map((key) => value(key, key.toLowerCase())));
    const secrets = await readKeys(names(NAME_FILTER_MAX + 2), read);
    expect(read).toHaveBeenCalledTimes(2);
    expect(secrets.map((secret) => secret.key)).toEqual(names(NAME_FILTER_MAX + 2));
  });

});
