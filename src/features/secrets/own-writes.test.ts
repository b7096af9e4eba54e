// @vitest-environment node
import { QueryClient } from '@tanstack/react-query';
import type { RenderedSecret } from '@/api/contract';
import { changedKeys, noteOwnWrite, takeOwnWrites } from './own-writes';

const secret = (key: string, serializedValue?: string, secretId = `sec_${key}`): RenderedSecret => ({
  key,
  secretId,
  valueType: serializedValue === undefined ? 'None' : 'String',
  ...(serializedValue === undefined ? {} : { serializedValue }),
});

const BEFORE = [secret('API_KEY', '••••ab'), secret('DB_URL', '••••cd'), secret('EMPTY')];

describe('changedKeys', () => {
  it('is empty for the same list, in any order', () => {
    expect(changedKeys(BEFORE, [...BEFORE].reverse())).toEqual([]);
  });

  it('names a key added, removed, or whose value, type or id changed', () => {
    const after = [secret('API_KEY', '••••zz'), secret('EMPTY', '••••ef'), secret('NEW_KEY'), secret('DB_URL', '••••cd', 'sec_other')];
    expect(changedKeys(BEFORE, after)).toEqual(['API_KEY', 'DB_URL', 'EMPTY', 'NEW_KEY']);
    expect(changedKeys(BEFORE, BEFORE.slice(1))).toEqual(['API_KEY']);
  });

  it('leaves out the secrets this tab wrote, and only those', () => {
    const after = [secret('API_KEY', '••••zz'), ...BEFORE.slice(1), secret('MINE'), secret('THEIRS')];
    expect(changedKeys(BEFORE, after, new Set(['sec_API_KEY', 'sec_MINE']))).toEqual(['THEIRS']);
    expect(changedKeys(BEFORE, after, new Set(['sec_API_KEY', 'sec_MINE', 'sec_THEIRS']))).toEqual([]);
    // A secret of ours removed (e.g. the demo reset) is ours too.
    expect(changedKeys(BEFORE, BEFORE.slice(1), new Set(['sec_API_KEY']))).toEqual([]);
  });
});

describe('own writes', () => {
  it('are kept per QueryClient, per app and environment, and taken once', () => {
    const client = new QueryClient();
    const other = new QueryClient();
    noteOwnWrite(client, { appId: 'app_a', envId: 'env_dev', secretId: 'sec_1' });
    noteOwnWrite(client, { appId: 'app_a', envId: 'env_prod', secretId: 'sec_2' });
    noteOwnWrite(client, { appId: 'app_b', envId: 'env_dev', secretId: 'sec_3' });
    expect(takeOwnWrites(other, 'app_a', 'env_dev')).toEqual(new Set());
    expect(takeOwnWrites(client, 'app_a', 'env_dev')).toEqual(new Set(['sec_1']));
    expect(takeOwnWrites(client, 'app_a', 'env_dev')).toEqual(new Set());
    expect(takeOwnWrites(client, 'app_a', 'env_prod')).toEqual(new Set(['sec_2']));
    expect(takeOwnWrites(client, 'app_b', 'env_dev')).toEqual(new Set(['sec_3']));
  });

  it('a create counts once in each environment of its app', () => {
    const client = new QueryClient();
    noteOwnWrite(client, { appId: 'app_a', secretId: 'sec_new' });
    noteOwnWrite(client, { appId: 'app_a', envId: 'env_dev', secretId: 'sec_new' });
    expect(takeOwnWrites(client, 'app_a', 'env_dev')).toEqual(new Set(['sec_new']));
    expect(takeOwnWrites(client, 'app_a', 'env_dev')).toEqual(new Set());
    expect(takeOwnWrites(client, 'app_a', 'env_prod')).toEqual(new Set(['sec_new']));
    expect(takeOwnWrites(client, 'app_a', 'env_prod')).toEqual(new Set());
    expect(takeOwnWrites(client, 'app_b', 'env_qa')).toEqual(new Set());
  });
});
