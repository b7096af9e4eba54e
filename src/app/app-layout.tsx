import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazyThemed } from '@/components/lazy-themed';
import { buttonClass, iconButtonClass, linkClass } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import { ProgressBar } from '@/components/ui/loading';
import { useColorScheme } from '@/lib/color-scheme';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { sessionStore } from '@/features/session/session-store';
import { useSession, useSignOut } from '@/features/session/use-session';
import { appPath, signInPath } from './paths';
import { environmentName } from '@/lib/environment-name';
import styles from './app-layout.module.css';

function ThemeSwitch() {
  const { scheme, setMode } = useColorScheme();
  const next = scheme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className={iconButtonClass} aria-label={`Switch to ${next} theme`} title={`Switch to ${next} theme`} onClick={() => setMode(next)}>
      <Icon name={scheme === 'dark' ? 'lightMode' : 'darkMode'} />
    </button>
  );
}

// MUI's menu, loaded when Settings is first used.
const SettingsMenuContent = lazyThemed(() => import('./settings-menu').then((m) => m.default));

function SettingsMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <button type="button" className={iconButtonClass} aria-label="Settings" title="Settings" aria-haspopup="menu" aria-expanded={anchor !== null} onClick={(e) => setAnchor(e.currentTarget)}>
        <Icon name="settings" />
      </button>
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
    <span className={styles.place}>
      {'/ '}
      <Link to={appPath(appId)} className={linkClass}>
        {app.data?.name ?? appId}
      </Link>
      {env ? ` / ${environmentName(env)}` : null}
    </span>
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
  return <ProgressBar label="Loading page" />;
}

/** The frame of every signed-in page: plain markup (no MUI), so a page can paint before MUI loads. */
export function AppLayout() {
  const session = useSession();
  const signOut = useLeaveWhenSignedOut(session !== null);
  // A page's loader may wait a moment for its data (secrets-loader.ts): say that something happens.
  const navigating = useNavigation().state === 'loading';
  return (
    <div className={styles.frame}>
      <header className={styles.bar}>
        <Icon name="lock" />
        <span className={styles.title}>
          <Link to="/apps" className={linkClass}>
            Secrets
          </Link>
        </span>
        <div className={styles.placeBox}>{session ? <CurrentPlace /> : null}</div>
        {session?.demo ? <span className={styles.demo}>Demo</span> : null}
        <ThemeSwitch />
        <SettingsMenu />
        <button type="button" className={buttonClass({ color: 'inherit' })} onClick={signOut}>
          Sign out
        </button>
      </header>
      <div className={styles.pending}>{navigating ? <ProgressBar label="Opening page" /> : null}</div>
      <main className={styles.main}>
        {/* Without a session nothing below may query (it would recreate cleared entries). */}
        {session ? (
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        ) : (
          <PageLoading />
        )}
      </main>
    </div>
  );
}
