import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { buttonClass } from '@/components/ui/button';

/** A route's error view: plain markup, in the main bundle, so it shows even when a chunk cannot load. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <div style={{ padding: 24, maxWidth: 720 }}>
      <ErrorAlert error={error} title={notFound ? 'Page not found' : 'This page could not be shown'} onRetry={() => window.location.reload()} />
      <Link to="/apps" className={buttonClass()} style={{ marginTop: 16 }}>
        Back to apps
      </Link>
    </div>
  );
}
