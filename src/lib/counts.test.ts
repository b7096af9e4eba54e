// @vitest-environment node
import { countOf, formatCount } from './counts';

describe('counts', () => {
  it('writes a count with its noun, one or many, grouped by thousands', () => {
    expect(countOf(1, 'key')).toBe('1 key');
    expect(countOf(0, 'key')).toBe('0 keys');
    expect(countOf(1204, 'value differs', 'values differ')).toBe('1,204 values differ');
    expect(formatCount(10000)).toBe('10,000');
  });
});
