import { Link as RouterLink, isRouteErrorResponse, useRouteError } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { ErrorAlert } from '@/components/error-alert';

export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Box sx={{ p: 3, maxWidth: 720 }}>
      <ErrorAlert error={error} title={notFound ? 'Page not found' : 'This page could not be shown'} onRetry={() => window.location.reload()} />
      <Button component={RouterLink} to="/apps" sx={{ mt: 2 }}>
        Back to apps
      </Button>
    </Box>
  );
}
