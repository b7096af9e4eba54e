import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useColorScheme } from '@mui/material/styles';
import { DarkModeIcon, LightModeIcon, LockIcon, SettingsIcon } from '@/components/icons';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { sessionStore } from '@/features/session/session-store';
import { useSession, useSignOut } from '@/features/session/use-session';
import { appPath, signInPath } from './paths';
import { environmentName } from '@/lib/environment-name';

function ThemeSwitch() {
  const { mode, systemMode, setMode } = useColorScheme();
  const effective = mode === 'system' || !mode ? systemMode : mode;
  const next = effective === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip title={`Switch to ${next} theme`}>
      <IconButton color="inherit" aria-label={`Switch to ${next} theme`} onClick={() => setMode(next)}>
        {effective === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
      </IconButton>
    </Tooltip>
  );
}

const SettingsMenuContent = lazy(() => import('./settings-menu'));

function SettingsMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Tooltip title="Settings">
        <IconButton color="inherit" aria-label="Settings" aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
          <SettingsIcon />
        </IconButton>
      </Tooltip>
      {anchor ? (
        <Suspense fallback={null}>
          <SettingsMenuContent anchor={anchor} onClose={() => setAnchor(null)} />
        </Suspense>
      ) : null}
    </>
  );
}

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

export function AppLayout() {
  const session = useSession();
  const signOut = useLeaveWhenSignedOut(session !== null);
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
          <Button
            color="inherit"
            onClick={signOut}
          >
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
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
