import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, createMemoryRouter, redirect, type LoaderFunctionArgs, type RouteObject, type ShouldRevalidateFunctionArgs } from 'react-router';
import { sessionStore } from '@/features/session/session-store';
import { signInPath } from './paths';
import { secretsRouteLoader } from './routes/secrets-loader';
import { secretRouteLoader } from './routes/secret-loader';
import { appRedirectLoader } from './routes/app-redirect-loader';


/** Shown before the first route's code arrives: plain markup, no UI library. */
function PageLoading() {
  return <div role="progressbar" aria-label="Loading page" style={{ height: 4, background: 'linear-gradient(90deg, #1e4fd8 30%, transparent 30%)' }} />;
}

const lazyErrorBoundary = async () => ({ ErrorBoundary: (await import('./route-error')).RouteError });

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
  return [{ HydrateFallback: PageLoading, lazy: () => import('./root-route'), children: [
    { path: '/sign-in', lazy: async () => ({ ...(await import('./routes/sign-in-route')), ...(await lazyErrorBoundary()) }) },
    {
      id: 'protected',
      loader: requireSession,
      shouldRevalidate: unlessOnlySearchChanged,
      lazy: async () => {
        const [layout, error] = await Promise.all([import('./app-layout'), lazyErrorBoundary()]);
        return { Component: layout.AppLayout, ...error };
      },
      children: [
        { lazy: lazyErrorBoundary, children: [
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

