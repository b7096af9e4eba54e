/**
 * The palette's data and what its choices do, loaded with it on first use. It lists what the pages
 * have already read (the query cache) and asks for nothing else but the apps listing (cached a
 * minute; when refused, the apps this tab has looked up stand in for it).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { App } from '@/api/contract';
import { useCanWrite } from '@/api/use-can-write';
import { useThemeToggle } from '@/components/theme-switch';
import { appQueries } from '@/features/apps/queries';
import { environmentQueries } from '@/features/environments/queries';
import { CommandPalette } from '@/features/palette/command-palette';
import { actionItems, appItem, environmentItem, keyItems, pageActionItems, type PaletteItem, type PalettePage } from '@/features/palette/palette-model';
import { paletteMemory } from '@/features/palette/recents';
import { ShortcutsSheet } from '@/features/palette/shortcuts-sheet';
import { listQuery } from '@/features/secrets/list-query';
import { environmentName } from '@/lib/environment-name';
import { pageCommands } from '@/lib/page-commands';
import { usePreferences } from '@/lib/preferences';
import { presentationMode, usePresentationMode } from '@/lib/presentation-mode';
import { appPath, envPath, secretPath, withSearch } from './paths';

export type PaletteOpen = 'palette' | 'sheet' | null;

/** What a secrets page reads from its location's state: the key chosen in the palette. */
export interface PaletteLocationState {
  highlightKey: string;
}

const useOffered = () => useSyncExternalStore(pageCommands.subscribe, pageCommands.offered);
const useRecent = () => useSyncExternalStore(paletteMemory.subscribe, paletteMemory.recent);

/** The apps this tab has looked up (each app's page reads its own), newest first. */
function openedApps(queryClient: QueryClient): App[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: [...appQueries.all(), 'lookup'] })
    .filter((query) => query.state.data !== undefined)
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .map((query) => query.state.data as App);
}

function pageOf(pathname: string, params: { appId?: string; envSlug?: string; secretId?: string }): PalettePage {
  if (params.appId === undefined) return pathname === '/apps' ? 'apps' : 'other';
  if (params.secretId !== undefined) return 'secret';
  return params.envSlug === undefined ? 'overview' : 'environment';
}

/** Every item the palette can find here, and the list shown while nothing is typed. */
function usePaletteItems() {
  const params = useParams();
  const { appId, envSlug } = params;
  const { pathname } = useLocation();
  const page = pageOf(pathname, params);
  const apps = useQuery(appQueries.list());
  // Cache reads only (`enabled: false`): no request, whatever is or is not there.
  const app = useQuery({ ...appQueries.lookup(appId ?? '', 'Identifier'), enabled: false });
  const environments = useQuery({ ...environmentQueries.list(), enabled: false });
  const env = envSlug === undefined ? undefined : environments.data?.find((e) => e.slug === envSlug);
  const list = useQuery({ ...listQuery({ appId: appId ?? '', envId: env?.id ?? '' }), enabled: false });
  const canWrite = useCanWrite();
  const presenting = usePresentationMode();
  const offered = useOffered();
  const recent = useRecent();
  const nextTheme = useThemeToggle().next;
  const appName = app.data?.name ?? appId ?? '';

  const queryClient = useQueryClient();
  const appList = useMemo(
    // Without the listing (refused, or not there yet): the apps this tab has looked up, newest first.
    () => (apps.status === 'success' ? apps.data : openedApps(queryClient)).map(appItem),
    [apps.status, apps.data, queryClient],
  );
  const envList = useMemo(
    () => (appId === undefined ? [] : (environments.data ?? []).map((e) => environmentItem(appId, appName, { slug: e.slug, name: environmentName(e) }))),
    [appId, appName, environments.data],
  );
  const envName = env ? environmentName(env) : '';
  const keys = useMemo(
    () => (appId === undefined || envSlug === undefined || !list.data ? [] : keyItems({ appId, appName, envSlug, envName }, list.data.secrets)),
    [appId, appName, envSlug, envName, list.data],
  );
  const actions = useMemo(
    () => [...actionItems({ page, appId, canWrite, presenting, offered: offered.keys, nextTheme }), ...pageActionItems(offered.labelled)],
    [page, appId, canWrite, presenting, offered, nextTheme],
  );
  const items = useMemo(() => [...actions, ...envList, ...appList, ...keys], [actions, envList, appList, keys]);
  const emptyItems = useMemo(() => {
    const applies = new Map(actions.map((action) => [action.id, action]));
    // A recent action is offered again only where it applies, with its current wording.
    const recents = recent.flatMap((item) => (item.kind !== 'action' ? [item] : applies.has(item.id) ? [applies.get(item.id)!] : []));
    const seen = new Set(recents.map((item) => item.id));
    return { list: [...recents, ...[...actions, ...envList, ...appList].filter((item) => !seen.has(item.id))], recentCount: recents.length };
  }, [recent, actions, envList, appList]);
  const note = apps.isPending ? 'loading the apps' : env && list.isPending ? `the keys of ${envName} are not loaded yet` : null;
  return { items, emptyItems, note };
}

/** Runs a choice (a chosen key's row takes focus once shown, after the palette gave it back). */
function useChoose(onOpen: (open: PaletteOpen) => void, onSignOut: () => void) {
  const navigate = useNavigate();
  const { appId } = useParams();
  const { search } = useLocation();
  const theme = useThemeToggle();
  const pageSearch = new URLSearchParams(search).get('q') ?? '';
  return (item: PaletteItem, { openPage }: { openPage: boolean }): void => {
    paletteMemory.remember(item);
    switch (item.kind) {
      case 'app':
        void navigate(appPath(item.appId));
        return;
      case 'environment':
        // The page's key search goes along, as with the environment tabs.
        void navigate(withSearch(envPath(item.appId, item.envSlug), item.appId === appId ? pageSearch : ''));
        return;
      case 'key':
        if (openPage) {
          void navigate(secretPath(item.appId, item.secretId));
          return;
        }
        // Without the page's search, so that the row is in the list.
        void navigate(envPath(item.appId, item.envSlug), { state: { highlightKey: item.label } satisfies PaletteLocationState });
        return;
    }
    switch (item.action) {
      case 'apps':
        void navigate('/apps');
        break;
      case 'overview':
        if (appId !== undefined) void navigate(appPath(appId));
        break;
      case 'presentation':
        presentationMode.set(!presentationMode.get());
        break;
      case 'theme':
        theme.toggle();
        break;
      case 'shortcuts':
        onOpen('sheet');
        return;
      case 'sign-out':
        onSignOut();
        break;
      default: {
        // The page's own actions (fixed or labelled) run once the palette has closed, so that
        // their dialog takes focus.
        const key = item.pageKey ?? item.action;
        setTimeout(() => pageCommands.run(key), 0);
      }
    }
  };
}

export interface PaletteRootProps {
  open: Exclude<PaletteOpen, null>;
  onOpen: (open: PaletteOpen) => void;
  onSignOut: () => void;
  /** What was typed while this chunk loaded: the box starts with it. */
  takeTypedAhead: () => string;
}

export default function PaletteRoot({ open, onOpen, onSignOut, takeTypedAhead }: PaletteRootProps) {
  const { items, emptyItems, note } = usePaletteItems();
  const choose = useChoose(onOpen, onSignOut);
  const { singleKeyShortcuts } = usePreferences();
  if (open === 'sheet') return <ShortcutsSheet open onClose={() => onOpen(null)} singleKeys={singleKeyShortcuts} />;
  return (
    <CommandPalette
      open
      onClose={() => onOpen(null)}
      takeTypedAhead={takeTypedAhead}
      items={items}
      emptyItems={emptyItems.list}
      recentCount={emptyItems.recentCount}
      note={note}
      onChoose={(item, options) => {
        choose(item, options);
        if (item.kind !== 'action' || item.action !== 'shortcuts') onOpen(null);
      }}
    />
  );
}
