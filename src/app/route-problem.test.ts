// @vitest-environment node
import { createMemoryRouter, data } from 'react-router';
import { ApiError } from '@/api/api-error';
import { appLookupProblem, problemResponse, routeProblemOf } from './route-problem';

const httpError = (status: number) => new ApiError({ kind: 'http', endpoint: 'look up an app', status, message: `HTTP ${status}` });

/** What a data router makes of a loader's thrown `data(...)` (an ErrorResponse). */
async function thrownBy(loader: () => never): Promise<unknown> {
  const router = createMemoryRouter([{ path: '/', loader, element: null, errorElement: null }]);
  await router.initialize().navigate('/');
  const error = Object.values(router.state.errors ?? {})[0];
  router.dispose();
  return error;
}

describe('appLookupProblem', () => {
  it('a 404 says there is no such app, a 403 that this token may not open it', () => {
    expect(appLookupProblem(httpError(404), 'app_x')).toEqual({ kind: 'no-app', appId: 'app_x' });
    expect(appLookupProblem(httpError(403), 'app_x', 'x-api')).toEqual({ kind: 'app-forbidden', appId: 'app_x', appName: 'x-api' });
  });

  it('any other failure is left to the page', () => {
    for (const status of [400, 401, 429, 500, 503]) expect(appLookupProblem(httpError(status), 'app_x')).toBeNull();
    expect(appLookupProblem(new ApiError({ kind: 'network', endpoint: 'look up an app', message: 'offline' }), 'app_x')).toBeNull();
    expect(appLookupProblem(new Error('boom'), 'app_x')).toBeNull();
    expect(appLookupProblem(null, 'app_x')).toBeNull();
  });
});

describe('routeProblemOf', () => {
  it('reads back the problem a loader threw, with its status', async () => {
    const problem = { kind: 'no-environment', appId: 'app_x', appName: 'x-api', envSlug: 'nope', firstEnv: undefined } as const;
    const error = await thrownBy(() => {
      throw problemResponse(problem);
    });
    expect(routeProblemOf(error)).toEqual(problem);
    expect(error).toMatchObject({ status: 404 });
    const forbidden = await thrownBy(() => {
      throw problemResponse({ kind: 'app-forbidden', appId: 'app_x', appName: undefined });
    });
    expect(forbidden).toMatchObject({ status: 403 });
  });

  it('is null for any other route error', async () => {
    expect(routeProblemOf(new Error('chunk failed'))).toBeNull();
    expect(routeProblemOf(httpError(404))).toBeNull();
    expect(
      routeProblemOf(
        await thrownBy(() => {
          throw data({ kind: 'something-else' }, { status: 404 });
        }),
      ),
    ).toBeNull();
    expect(
      routeProblemOf(
        await thrownBy(() => {
          throw data('Not here', { status: 404 });
        }),
      ),
    ).toBeNull();
  });
});
