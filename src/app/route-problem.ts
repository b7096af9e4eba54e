import { data, isRouteErrorResponse } from 'react-router';
import { isApiError } from '@/api/api-error';

/** A page's address leads nowhere: what is missing or refused, and what the way back needs. */
export type RouteProblem =
  | { kind: 'no-app'; appId: string }
  | { kind: 'app-forbidden'; appId: string; appName: string | undefined }
  | { kind: 'no-environment'; appId: string; appName: string; envSlug: string; firstEnv: { slug: string; name: string } | undefined }
  | { kind: 'no-secret'; appId: string; appName: string; secretId: string; backHref: string };

const KINDS: ReadonlySet<string> = new Set<RouteProblem['kind']>(['no-app', 'app-forbidden', 'no-environment', 'no-secret']);

/**
 * What an error of the app lookup says about the app: a 404 that it does not exist, a 403 that
 * this token may not open it. null for any other error, which the page shows in place with Retry.
 */
export function appLookupProblem(error: unknown, appId: string, appName?: string): RouteProblem | null {
  if (!isApiError(error) || error.kind !== 'http') return null;
  if (error.status === 404) return { kind: 'no-app', appId };
  if (error.status === 403) return { kind: 'app-forbidden', appId, appName };
  return null;
}

/** For a loader to throw: the route's error boundary shows the problem's page. */
export function problemResponse(problem: RouteProblem) {
  return data(problem, { status: problem.kind === 'app-forbidden' ? 403 : 404 });
}

/** The problem a loader threw, if the route error is one. */
export function routeProblemOf(error: unknown): RouteProblem | null {
  if (!isRouteErrorResponse(error)) return null;
  const problem: unknown = error.data;
  if (typeof problem !== 'object' || problem === null || !('kind' in problem) || typeof problem.kind !== 'string') return null;
  return KINDS.has(problem.kind) ? (problem as RouteProblem) : null;
}
