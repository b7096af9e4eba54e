import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, redirect, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunctionArgs } from 'react-router';
import { sessionStore } from '@/features/session/session-store';
import { signInPath } from './paths';
import { secretsRouteLoader } from './routes/secrets-loader';
import { secretRouteLoader } from './routes/secret-loader';
import { overviewRouteLoader } from './routes/overview-loader';
import * as root from './root-route';
import { AppLayout, PageLoading } from './app-layout';
import { RouteError } from './route-error';
import * as secretsRoute from './routes/secrets-route';

/** A change of search text alone does not rerun loaders (their data does not depend on it). */
function unlessOnlySearchChanged({ currentUrl, nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return currentUrl.pathname === nextUrl.pathname ? false : defaultShouldRevalidate;
}

function requireSession({ request }: LoaderFunctionArgs) {
  if (!sessionStore.get()) {
    const url = new URL(request.url);
    throw redirect(signInPath(url.pathname + url.search));
  }
  return null;
}

/**
 * Routes. Loaders are defined here (not lazily) so data starts loading while a page's code
 * chunk downloads: no waterfall between code and data. The root, the signed-in frame and the
 * secrets page are in the main bundle, so a direct load of a secrets page needs no other chunk;
 * the other pages load lazily. Every page renders under the root's theme (providers.tsx).
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [{ HydrateFallback: PageLoading, Component: root.Component, ErrorBoundary: root.ErrorBoundary, children: [
    { path: '/sign-in', ErrorBoundary: RouteError, lazy: () => import('./routes/sign-in-route') },
    {
      id: 'protected',
      loader: requireSession,
      shouldRevalidate: unlessOnlySearchChanged,
      Component: AppLayout,
      ErrorBoundary: RouteError,
      children: [
        { ErrorBoundary: RouteError, children: [
          // A redirect only: `element: null` says so (react-router warns of an empty page otherwise).
          { index: true, loader: () => redirect('/apps'), element: null },
          { path: 'apps', lazy: () => import('./routes/apps-route') },
          { path: 'apps/:appId', loader: overviewRouteLoader(queryClient), shouldRevalidate: unlessOnlySearchChanged, lazy: () => import('./routes/overview-route') },
          { path: 'apps/:appId/secrets/:secretId', loader: secretRouteLoader(queryClient), lazy: () => import('./routes/secret-route') },
          { path: 'apps/:appId/:envSlug', loader: secretsRouteLoader(queryClient), shouldRevalidate: unlessOnlySearchChanged, Component: secretsRoute.Component },
          { path: '*', lazy: () => import('./routes/not-found-route') },
        ] },
      ],
    },
  ] }];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

