/** The root route: every page, and the notes about failed background refreshes. */
import { Outlet } from 'react-router';
import { BackgroundErrors } from './background-errors';
import { RouteError } from './route-error';

export function Component() {
  return (
    <>
      <Outlet />
      <BackgroundErrors />
    </>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
