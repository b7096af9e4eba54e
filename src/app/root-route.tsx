/** The root route: every page, the app's toast queue and the notes about failed background refreshes. */
import { Outlet } from 'react-router';
import { ToastQueueProvider } from '@/components/toast-queue';
import { BackgroundErrors } from './background-errors';
import { RouteError } from './route-error';

export function Component() {
  return (
    <ToastQueueProvider>
      <Outlet />
      <BackgroundErrors />
    </ToastQueueProvider>
  );
}

export function ErrorBoundary() {
  return <RouteError />;
}
