import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { apiClient } from '@/api/client';
import { createQueryClient, REVEALED_KEY } from '@/api/query-client';
import { APP, secretId, storedValue } from '@/testing/edit-helpers';
import { TEST_API_BASE, useFakeApi } from '@/testing/fake-api';
import { detailQuery } from './detail-query';
import { listQuery } from './list-query';
import { secretQueryKeys } from './query-keys';
import { revealedQuery } from './revealed-query';
import { useCreateSecret } from './use-create-secret';
import { useSetSecretValue } from './use-set-secret-value';

const fake = useFakeApi();

const DEV = 'env_dev';
const PROD = 'env_prod';
const NAME = 'OAUTH_CLIENT_ID';
const OTHER_APP = 'app_other';

// Signed in as the app would be (useFakeApi signs out after each test).
beforeEach(() => apiClient.setSession({ baseUrl: TEST_API_BASE, readToken: 'demo-token' }));

/** A cache as the pages leave it: masked lists, a detail and revealed values in two environments. */
async function filledCache(): Promise<{ queryClient: QueryClient; id: string }> {
  const queryClient = createQueryClient({ retry: false });
  const id = secretId(fake, NAME);
  await Promise.all([
    ...[DEV, PROD].flatMap((envId) => [
      queryClient.fetchQuery(listQuery({ appId: APP, envId })),
      queryClient.fetchQuery(listQuery({ appId: APP, envId, names: [NAME] })),
      queryClient.fetchQuery(revealedQuery({ appId: APP, envId, names: [NAME] })),
      queryClient.fetchQuery(revealedQuery({ appId: APP, envId })),
    ]),
    queryClient.fetchQuery(detailQuery(APP, id)),
  ]);
  // Another app's entries, which no write here may touch.
  const empty = { secretDigest: 'd', incrementalId: 1, secrets: [] };
  queryClient.setQueryData(secretQueryKeys.list(OTHER_APP, DEV), empty);
  queryClient.setQueryData(secretQueryKeys.revealedValues(OTHER_APP, DEV), empty);
  return { queryClient, id };
}

function renderWith<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return renderHook(hook, { wrapper }).result;
}

/** Keys of the entries under `prefix`, and which of them are invalidated. */
function entries(queryClient: QueryClient, prefix: QueryKey) {
  const found = queryClient.getQueryCache().findAll({ queryKey: prefix });
  return { keys: found.map((q) => q.queryKey), invalidated: found.filter((q) => q.state.isInvalidated).map((q) => q.queryKey) };
}

describe('after a write', () => {
  it('setting a value removes the revealed values of that environment and invalidates its masked lists and the detail', async () => {
    const { queryClient, id } = await filledCache();
    const result = renderWith(queryClient, useSetSecretValue);
    await act(() => result.current.mutateAsync({ appId: APP, secretId: id, envId: DEV, text: 'rotated' }));
    expect(storedValue(fake, NAME, DEV)).toBe('rotated');

    expect(entries(queryClient, secretQueryKeys.revealedIn(APP, DEV)).keys).toEqual([]);
    expect(entries(queryClient, secretQueryKeys.revealedIn(APP, PROD)).keys).toHaveLength(2);
    expect(entries(queryClient, secretQueryKeys.revealed(OTHER_APP)).keys).toHaveLength(1);

    const lists = entries(queryClient, secretQueryKeys.lists(APP));
    expect(lists.invalidated).toEqual([secretQueryKeys.list(APP, DEV), secretQueryKeys.list(APP, DEV, [NAME])]);
    expect(entries(queryClient, secretQueryKeys.detail(APP, id)).invalidated).toHaveLength(1);
    expect(entries(queryClient, secretQueryKeys.app(OTHER_APP)).invalidated).toEqual([]);
  });

  it('creating a secret invalidates every masked list of the app and its revealed values, and nothing of other apps', async () => {
    const { queryClient, id } = await filledCache();
    const result = renderWith(queryClient, useCreateSecret);
    await act(() => result.current.mutateAsync({ appId: APP, name: 'BRAND_NEW_KEY', purposeType: 'Other' }));
    expect(fake.store.getSecretByName(APP, 'BRAND_NEW_KEY')).toBeDefined();

    const lists = entries(queryClient, secretQueryKeys.lists(APP));
    expect(lists.invalidated).toEqual(lists.keys);
    expect(lists.keys).toHaveLength(4);
    const revealed = entries(queryClient, secretQueryKeys.revealed(APP));
    expect(revealed.invalidated).toEqual(revealed.keys);
    expect(revealed.keys).toHaveLength(4);
    expect(entries(queryClient, secretQueryKeys.detail(APP, id)).invalidated).toEqual([]);
    expect(entries(queryClient, secretQueryKeys.app(OTHER_APP)).invalidated).toEqual([]);
    expect(entries(queryClient, REVEALED_KEY).invalidated).toHaveLength(4);
  });
});
