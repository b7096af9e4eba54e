import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, createMemoryRouter, redirect, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunctionArgs } from 'react-router';
import { sessionStore } from '@/features/session/session-store';
import { AppLayout, PageLoading } from './app-layout';
import { RouteError } from './route-error';
import { signInPath } from './paths';
import { secretsRouteLoader } from './routes/secrets-loader';
import { secretRouteLoader } from './routes/secret-loader';
import { appRedirectLoader } from './routes/app-redirect-loader';


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
 * chunk downloads: no waterfall between code and data.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [{ HydrateFallback: PageLoading, children: [
    { path: '/sign-in', lazy: () => import('./routes/sign-in-route'), errorElement: <RouteError /> },
    {
      id: 'protected',
      loader: requireSession,
      shouldRevalidate: unlessOnlySearchChanged,
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        { errorElement: <RouteError />, children: [
          { index: true, loader: () => redirect('/apps') },
          { path: 'apps', lazy: () => import('./routes/apps-route') },
          { path: 'apps/:appId', loader: appRedirectLoader(queryClient) },
          { path: 'apps/:appId/secrets/:secretId', loader: secretRouteLoader(queryClient), lazy: () => import('./routes/secret-route') },
          { path: 'apps/:appId/:envSlug', loader: secretsRouteLoader(queryClient), shouldRevalidate: unlessOnlySearchChanged, lazy: () => import('./routes/secrets-route') },
          { path: '*', lazy: () => import('./routes/not-found-route') },
        ] },
      ],
    },
  ] }];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}

export function createTestRouter(queryClient: QueryClient, initialEntries: string[]) {
  return createMemoryRouter(createRoutes(queryClient), { initialEntries });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
