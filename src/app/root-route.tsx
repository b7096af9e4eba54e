/**
 * The root route: plain markup in the main bundle (no MUI). The theme's variables are a static
 * stylesheet and the light/dark class is set by src/lib/color-scheme.ts, so the secrets page can
 * paint before MUI loads (#6); MUI's provider comes with the pages and dialogs that use it
 * (src/components/mui/themed.tsx).
 */
import { Outlet } from 'react-router';
// Sets the light/dark class on <html> as it loads.
import '@/lib/color-scheme';
import './theme-vars.css';
import './baseline.css';
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
