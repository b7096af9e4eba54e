import { Link as RouterLink, isRouteErrorResponse, useRouteError } from 'react-router';
import Button from '@mui/material/Button';
import { ErrorAlert } from '@/components/error-alert';
import { PageContainer } from '@/components/page';
import { ProblemPage } from './problem-page';
import { routeProblemOf } from './route-problem';

/**
 * A route's error view; in the main bundle, so it shows even when a page's chunk cannot load. An
 * address that leads nowhere (a loader's RouteProblem) gets its own page, without Retry.
 */
export function RouteError() {
  const error = useRouteError();
  const problem = routeProblemOf(error);
  if (problem) return <ProblemPage problem={problem} />;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <PageContainer>
      <ErrorAlert error={error} title={notFound ? 'Page not found' : 'This page could not be shown'} onRetry={() => window.location.reload()} />
      <Button component={RouterLink} to="/apps" sx={{ mt: 2 }}>
        Back to apps
      </Button>
    </PageContainer>
  );
}
