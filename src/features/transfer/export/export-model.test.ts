// @vitest-environment node
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { clearDelayText, exportCounts, exportEntries, exportFileName, prepareExport } from './export-model';

const withValue = (key: string, value: string | undefined): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: value });
const without = (key: string): RenderedSecret => ({ key, secretId: `sec_${key}`, valueType: VALUE_TYPE.none });

describe('exportFileName', () => {
  it('is <app>-<env>.<ext> with the format’s extension', () => {
    expect(exportFileName('billing', 'production', 'env')).toBe('billing-production.env');
    expect(exportFileName('billing', 'production', 'json')).toBe('billing-production.json');
    expect(exportFileName('billing', 'production', 'yaml')).toBe('billing-production.yaml');
  });

  it('keeps letters, digits, dot, underscore and dash; turns anything else into a dash', () => {
    expect(exportFileName('My App/v2', 'eu_west.1', 'env')).toBe('My-App-v2-eu_west.1.env');
    expect(exportFileName('a:b*c?"d<e>f|g\\h', 'x y', 'json')).toBe('a-b-c--d-e-f-g-h-x-y.json');
    expect(exportFileName('Café', 'prod', 'env')).toBe('Café-prod.env');
    expect(exportFileName('Cafe\u0301', 'prod', 'env')).toBe('Café-prod.env');
    expect(exportFileName('🔑 keys', 'dev', 'yaml')).toBe('--keys-dev.yaml');
  });

  it('never starts with a dot and never has an empty part', () => {
    expect(exportFileName('.hidden', 'dev', 'env')).toBe('-hidden-dev.env');
    expect(exportFileName('..', 'dev', 'env')).toBe('-.-dev.env');
    expect(exportFileName('', '', 'json')).toBe('app-env.json');
  });
});

describe('which secrets an export writes', () => {
  const list = [withValue('A', 'x'), without('B'), withValue('EMPTY', ''), withValue('NO_FIELD', undefined), without('C')];

  it('counts the keys with a value (an empty value is a value) and those without', () => {
    expect(exportCounts(list)).toEqual({ withValue: 3, withoutValue: 2 });
    expect(exportCounts([])).toEqual({ withValue: 0, withoutValue: 0 });
  });

  it('writes every key with a value, in order, and none without', () => {
    expect(exportEntries(list)).toEqual([
      { key: 'A', value: 'x' },
      { key: 'EMPTY', value: '' },
      { key: 'NO_FIELD', value: '' },
    ]);
  });
});

describe('prepareExport', () => {
  const exact = [
    { key: 'PEM', value: '-----BEGIN KEY-----\nabc\n-----END KEY-----\n' },
    { key: 'PLAIN', value: 'on' },
  ];
  /** .env reads keys of letters, digits, `_`, `.` and `-` only; YAML cannot hold a lone surrogate, JSON can. */
  const badKey = { key: 'DB URL', value: 'x' };
  const loneSurrogate = { key: 'BROKEN', value: 'a\ud800b' };

  it('writes every entry when the format holds them all', () => {
    const prepared = prepareExport('env', exact);
    expect(prepared).toMatchObject({ written: 2, inexact: [], exactIn: [] });
    expect(prepared.text).toContain('PEM');
  });

  it('leaves out what a format cannot hold exactly and names the formats that can', () => {
    const prepared = prepareExport('env', [...exact, badKey]);
    expect(prepared).toMatchObject({ written: 2, inexact: ['DB URL'], exactIn: ['json', 'yaml'] });
    expect(prepared.text).not.toContain('DB URL');
    expect(prepareExport('yaml', [...exact, badKey])).toMatchObject({ written: 3, inexact: [], exactIn: [] });
    expect(prepareExport('env', [...exact, badKey, loneSurrogate])).toMatchObject({ written: 2, inexact: ['DB URL', 'BROKEN'], exactIn: ['json'] });
    expect(prepareExport('yaml', [loneSurrogate])).toMatchObject({ written: 0, inexact: ['BROKEN'], exactIn: ['json'] });
  });
});

describe('clearDelayText', () => {
  it('says seconds under a minute, minutes from one', () => {
    expect(clearDelayText(30)).toBe('30 s');
    expect(clearDelayText(120)).toBe('2 min');
  });
});
