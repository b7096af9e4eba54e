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
import { ThemeSwitch } from '@/components/theme-switch';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { sessionStore } from '@/features/session/session-store';
import { useSession, useSignOut } from '@/features/session/use-session';
import { environmentName } from '@/lib/environment-name';
import { appPath, signInPath } from './paths';

// The menu loads when Settings is first used.
const SettingsMenuContent = lazy(() => import('./settings-menu'));

function SettingsMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  return (
    <>
      <IconButton
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

/** "/ app / environment" after the title, the app a link to its first environment. */
function CurrentPlace() {
  const { appId, envSlug } = useParams();
  const app = useQuery({ ...appQueries.lookup(appId ?? '', 'Identifier'), enabled: Boolean(appId) });
  const environments = useQuery({ ...environmentQueries.list(), enabled: Boolean(envSlug) });
  if (!appId) return null;
  const env = environments.data?.find((e) => e.slug === envSlug);
  return (
    <Typography component="span" sx={{ ml: 1, opacity: 0.9, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {'/ '}
      <Link component={RouterLink} to={appPath(appId)} color="inherit" underline="hover">
        {app.data?.name ?? appId}
      </Link>
      {env ? ` / ${environmentName(env)}` : null}
    </Typography>
  );
}

/**
 * When the session ends while a protected page is open (a 401 on any request, a loader's
 * included, or sign-out in another way), drops every piece of server data and sends the user to
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
    if (signingOut.current) return;
    void navigate(signInPath(here), { replace: true, state: sessionStore.isExpired() ? { reason: 'expired' } : undefined });
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
        <Toolbar sx={{ gap: 1, minWidth: 0 }}>
          <LockIcon aria-hidden />
          <Typography variant="h6" component="span" sx={{ whiteSpace: 'nowrap' }}>
            <Link component={RouterLink} to="/apps" color="inherit" underline="none">
              Secrets
            </Link>
          </Typography>
          <Box sx={{ flex: 1, minWidth: 0, display: 'flex' }}>{session ? <CurrentPlace /> : null}</Box>
          {session?.demo ? (
            <Typography variant="caption" sx={{ display: { xs: 'none', sm: 'inline' } }}>
              Demo
            </Typography>
          ) : null}
          <ThemeSwitch />
          <SettingsMenu />
          <Button color="inherit" onClick={signOut}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
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
    </Box>
  );
}
