/**
 * The fake's read-only directory endpoints, open to a read or a write token: the environments
 * (paged with limit/after/before), the providers, the apps list and an app looked up by id or name.
 */
import { HttpResponse, type HttpHandler } from 'msw';
import { PATHS, QUERY, type AppIdentifierType } from '../src/api/contract.ts';
import { param, type ApiContext } from './pipeline.ts';
import { errorResponse, noRoute } from './responses.ts';

const identifierTypes: readonly AppIdentifierType[] = ['Name', 'Identifier'];

export function appsRoutes({ store, settings, router, api }: ApiContext): HttpHandler[] {
  const { endpoint } = router;
  return [
    endpoint('GET', api(PATHS.environments), 'any', ({ url }) => {
      const all = store.listEnvironments();
      const limitText = url.searchParams.get(QUERY.limit);
      const after = url.searchParams.get(QUERY.after);
      const before = url.searchParams.get(QUERY.before);
      const limit = limitText === null ? undefined : Number(limitText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) {
        return errorResponse(400, `${QUERY.limit} must be an integer between 1 and 1000`);
      }
      let start = 0;
      let end = all.length;
      for (const [name, cursor] of [[QUERY.after, after], [QUERY.before, before]] as const) {
        if (cursor === null) continue;
        const index = all.findIndex((env) => env.id === cursor);
        if (index < 0) return errorResponse(400, `${name} must be the id of an environment`);
        if (name === QUERY.after) start = index + 1;
        else end = index;
      }
      let page = all.slice(start, Math.max(start, end));
      if (limit !== undefined) page = before !== null && after === null ? page.slice(-limit) : page.slice(0, limit);
      return HttpResponse.json({ environments: page });
    }),

    endpoint('GET', api(PATHS.providers), 'any', () => HttpResponse.json({ providers: store.listProviders() })),

    endpoint('GET', api(PATHS.apps), 'any', ({ request, url }) => (settings.appsListing ? HttpResponse.json({ apps: store.listApps() }) : noRoute(request, url))),

    endpoint('GET', api(PATHS.app), 'any', ({ params, url }) => {
      const ref = param(params, 'appRef');
      const identifierType = url.searchParams.get(QUERY.identifierType) ?? 'Identifier';
      if (!(identifierTypes as readonly string[]).includes(identifierType)) {
        return errorResponse(400, `${QUERY.identifierType} must be Name or Identifier`);
      }
      const found = store.findApp(ref, identifierType as AppIdentifierType);
      if (found.status === 'found') return HttpResponse.json(found.app);
      if (found.status === 'ambiguous') {
        return errorResponse(400, `${found.matches} apps are named ${JSON.stringify(ref)}; open the app by its id`, {
          errorType: 'DataEntityNonSingular',
        });
      }
      return errorResponse(404, `No app with ${identifierType === 'Name' ? 'name' : 'id'} ${JSON.stringify(ref)}`);
    }),
  ];
}
