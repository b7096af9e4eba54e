// @vitest-environment node
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { foldCopyPreview, keysToWrite, valuesOf } from './copy-model';

const value = (key: string, text: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: text });
const none = (key: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none });
const selected = (...keys: string[]) => keys.map((key) => ({ key, secretId: `sec_${key}` }));

const SOURCE = [value('NEW_ABSENT', 's1'), value('NEW_NONE', 's2'), value('REPLACE', 'new-text'), value('SAME', 'equal'), none('NO_SOURCE'), value('UNSELECTED', 'x')];
const TARGET = [none('NEW_NONE'), value('REPLACE', 'old-text'), value('SAME', 'equal'), value('NO_SOURCE', 't'), value('UNSELECTED', 'y'), value('ONLY_TARGET', 'z')];

describe('foldCopyPreview', () => {
  it('puts each selected key in its category, in the order selected', () => {
    const preview = foldCopyPreview(selected('SAME', 'NEW_ABSENT', 'NEW_NONE', 'REPLACE', 'NO_SOURCE', 'ONLY_TARGET'), SOURCE, TARGET);
    expect(preview.items.map((item) => [item.key, item.category])).toEqual([
      ['SAME', 'same'],
      ['NEW_ABSENT', 'new'],
      ['NEW_NONE', 'new'],
      ['REPLACE', 'replace'],
      ['NO_SOURCE', 'missing-source'],
      // Not in the source at all.
      ['ONLY_TARGET', 'missing-source'],
    ]);
    expect(preview.counts).toEqual({ new: 2, replace: 1, same: 1, 'missing-source': 2 });
    expect(keysToWrite(preview).map((item) => item.key)).toEqual(['NEW_ABSENT', 'NEW_NONE', 'REPLACE']);
  });

  it('keeps no value: only keys, secret ids and categories', () => {
    const preview = foldCopyPreview(selected('NEW_ABSENT', 'REPLACE', 'SAME'), SOURCE, TARGET);
    const kept = JSON.stringify(preview);
    for (const text of ['s1', 'new-text', 'old-text', 'equal']) expect(kept).not.toContain(`"${text}"`);
    expect(preview.items[0]).toStrictEqual({ key: 'NEW_ABSENT', secretId: 'sec_NEW_ABSENT', category: 'new' });
  });

  it('an empty value is a value: the same as another empty one, different from a missing one', () => {
    const preview = foldCopyPreview(selected('A', 'B'), [value('A', ''), value('B', '')], [value('A', ''), none('B')]);
    expect(preview.items.map((item) => item.category)).toEqual(['same', 'new']);
  });
});

describe('valuesOf', () => {
  it('takes the values of the keys asked for that have one', () => {
    expect([...valuesOf(['NEW_ABSENT', 'REPLACE', 'NO_SOURCE'], SOURCE)]).toEqual([
      ['NEW_ABSENT', 's1'],
      ['REPLACE', 'new-text'],
    ]);
  });
});
