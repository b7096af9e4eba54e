import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation, useNavigate, useNavigation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { LockIcon, SettingsIcon } from '@/components/icons';
import { PresentationSwitch } from '@/components/presentation-switch';
import { ThemeSwitch } from '@/components/theme-switch';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { sessionStore } from '@/features/session/session-store';
import { useSession, useSignOut } from '@/features/session/use-session';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { usePageCommand } from '@/lib/page-commands';
import { environmentName } from '@/lib/environment-name';
import { useAppReturnHref } from './app-return';
import { lastEnvironment } from './last-environment';
import { PaletteHost } from './palette-host';
import { appPath, signInPath } from './paths';
import { ReauthHost } from './reauth-host';
import { appLookupProblem } from './route-problem';

// The menu loads when Settings is first used.
const SettingsMenuContent = lazy(() => import('./settings-menu'));
// Loaded right after the first page: it shows nothing until a timeout is near (a reloaded tab's
// timeouts are checked when its session is restored).
const SessionTimeout = lazy(() => import('@/features/session/components/session-timeout').then((m) => ({ default: m.SessionTimeout })));

function SettingsMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  usePageCommand('settings', true, () => setAnchor(button.current));
  return (
    <>
      <IconButton
        ref={button}
        color="inherit"
        aria-label="Settings"
        title="Settings"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <SettingsIcon />
      </IconButton>
      {anchor ? (
        <Suspense fallback={null}>
          <SettingsMenuContent id={menuId} anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * "/ app / environment" after the title. The app links back to it: on a secret's page to the
 * environment the user came from (app-return.ts), elsewhere to its address (its first environment).
 * A long name is shortened with an ellipsis (in full in its title); the environment never is.
 */
function Place({ appId, envSlug }: { appId: string; envSlug: string | undefined }) {
  // Not asked again on mount after a failed lookup: the page (or its loader) decides about that.
  const app = useQuery({ ...appQueries.lookup(appId, 'Identifier'), retryOnMount: false });
  const environments = useQuery(environmentQueries.list());
  const returnHref = useAppReturnHref(appId);
  const env = envSlug === undefined ? undefined : environments.data?.find((e) => e.slug === envSlug);
  const name = app.data?.name ?? appId;
  // No link to an app that does not exist or that this token may not open.
  const linked = appLookupProblem(app.error, appId) === null;
  return (
    <Typography component="span" sx={{ display: 'flex', alignItems: 'baseline', minWidth: 0, opacity: 0.9, whiteSpace: 'pre' }}>
      <span>{'/ '}</span>
      {linked ? (
        <Link component={RouterLink} to={envSlug === undefined ? returnHref : appPath(appId)} color="inherit" underline="hover" title={name} noWrap sx={{ minWidth: 0 }}>
          {name}
        </Link>
      ) : (
        <Typography component="span" variant="inherit" title={name} noWrap sx={{ minWidth: 0 }}>
          {name}
        </Typography>
      )}
      {env ? (
        <Box component="span" sx={{ flexShrink: 0 }}>
          {' / '}
          <span>{environmentName(env)}</span>
        </Box>
      ) : null}
    </Typography>
  );
}

/** Where the current page is (app and environment), beside the title; on a line of its own on a phone. */
function CurrentPlace() {
  const { appId, envSlug } = useParams();
  if (!appId) return null;
  return (
    <Box sx={{ flex: 1, minWidth: 0, display: 'flex', ml: { sm: 1 }, pb: { xs: 1, sm: 0 }, order: { xs: 1, sm: 0 }, flexBasis: { xs: '100%', sm: 0 } }}>
      <Place appId={appId} envSlug={envSlug} />
    </Box>
  );
}

/**
 * When the session ends while a protected page is open (a 401 on any request, a loader's
 * included, a timeout, or sign-out in another way), drops every piece of server data and sends the user to
 * sign-in, which brings them back here afterwards. The sign-out button navigates by itself.
 */
function useLeaveWhenSignedOut(signedIn: boolean): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const signingOut = useRef(false);
  const here = location.pathname + location.search;
  useEffect(() => {
    if (signedIn) return;
    queryClient.clear();
    lastEnvironment.forget();
    // A 401 or a timeout ends the session too: a copied value goes with it.
    clipboardGuard.clearNow();
    if (signingOut.current) return;
    // Ended by a 401 or a timeout: the sign-in page says why.
    const reason = sessionStore.endReason();
    void navigate(signInPath(here), { replace: true, state: reason ? { reason } : undefined });
  }, [signedIn, here, navigate, queryClient]);
  return useCallback(() => {
    signingOut.current = true;
    signOut();
    void navigate('/sign-in', { replace: true });
  }, [signOut, navigate]);
}

export function PageLoading() {
  return <LinearProgress aria-label="Loading page" />;
}

/** The frame of every signed-in page: the app bar, a progress bar while a page opens, the page. */
export function AppLayout() {
  const session = useSession();
  const signOut = useLeaveWhenSignedOut(session !== null);
  // A page's loader may wait a moment for its data: say that something happens.
  const navigating = useNavigation().state === 'loading';
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <AppBar position="static" elevation={0}>
        {/* On a phone the place wraps onto a second line (CurrentPlace). */}
        <Toolbar sx={{ gap: 1, minWidth: 0, flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
          <LockIcon aria-hidden />
          <Typography variant="h6" component="span" sx={{ whiteSpace: 'nowrap' }}>
            <Link component={RouterLink} to="/apps" color="inherit" underline="none">
              Secrets
            </Link>
          </Typography>
          {session ? <CurrentPlace /> : null}
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, ml: 'auto' }}>
            {session?.demo ? (
              <Typography variant="caption" sx={{ display: { xs: 'none', sm: 'inline' } }}>
                Demo
              </Typography>
            ) : null}
            {session ? <PaletteHost onSignOut={signOut} /> : null}
            <PresentationSwitch />
            <ThemeSwitch />
            <SettingsMenu />
            <Button color="inherit" onClick={signOut}>
              Sign out
            </Button>
          </Box>
        </Toolbar>
      </AppBar>
      {session ? (
        <Suspense fallback={null}>
          <SessionTimeout onSignOut={signOut} />
        </Suspense>
      ) : null}
      {/* Over the top of the page, taking no room. */}
      <Box sx={{ position: 'relative', height: 0 }}>
        {navigating ? <LinearProgress aria-label="Opening page" sx={{ position: 'absolute', top: 0, left: 0, right: 0, zIndex: 1 }} /> : null}
      </Box>
      <Box component="main" sx={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
        {/* Without a session nothing below may query (it would recreate cleared entries). */}
        {session ? (
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        ) : (
          <PageLoading />
        )}
      </Box>
      {/* A refused token while a dialog holds typed input: asked for again over the page. */}
      <ReauthHost />
    </Box>
  );
}
