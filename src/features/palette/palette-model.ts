/**
 * What the command palette lists: apps, the current app's environments, the current environment's
 * keys (names only: never a value) and actions, and which actions apply where.
 */
import type { PageCommandId } from '@/lib/page-commands';

/** The page's own commands (all but the search box's focus), and the app's. */
export type PaletteActionId =
  | Exclude<PageCommandId, 'focus-search'>
  | 'apps'
  | 'overview'
  | 'presentation'
  | 'theme'
  | 'shortcuts'
  | 'sign-out'
  /** One of the page's own labelled actions (lib/page-actions.ts): runs `pageKey`. */
  | 'page';

interface ItemBase {
  /** Unique among the items: the option's id and the recents' key. */
  id: string;
  label: string;
  /** The second line: what the item is and where. */
  detail: string;
  /** Other words it is found by (an app's slug, an action's synonyms). */
  keywords?: readonly string[];
}
export type PaletteItem =
  | (ItemBase & { kind: 'app'; appId: string })
  | (ItemBase & { kind: 'environment'; appId: string; envSlug: string })
  | (ItemBase & { kind: 'key'; appId: string; envSlug: string; secretId: string })
  | (ItemBase & { kind: 'action'; action: PaletteActionId; pageKey?: string });

/** The page shown, as far as the palette cares. */
export type PalettePage = 'apps' | 'overview' | 'environment' | 'secret' | 'other';

export interface ActionContext {
  page: PalettePage;
  appId: string | undefined;
  /** The session has a Write token. */
  canWrite: boolean;
  presenting: boolean;
  /** What the page offers right now (lib/page-commands.ts). */
  offered: ReadonlySet<string>;
  /** The theme the toggle switches to. */
  nextTheme: 'light' | 'dark';
}

interface ActionSpec {
  id: PaletteActionId;
  /** Its single-key shortcut, shown beside it. */
  keys?: string;
  label: (context: ActionContext) => string;
  keywords: readonly string[];
  applies: (context: ActionContext) => boolean;
}

const offered = (id: PageCommandId) => (context: ActionContext) => context.offered.has(id);

/** Every action, in the order they are listed when nothing is typed. */
const ACTIONS: readonly ActionSpec[] = [
  { id: 'new-secret', keys: 'n', label: () => 'New secret', keywords: ['create', 'add'], applies: (c) => c.canWrite && c.offered.has('new-secret') },
  { id: 'reveal-all', label: () => 'Reveal all', keywords: ['show values'], applies: (c) => !c.presenting && c.offered.has('reveal-all') },
  { id: 'hide-all', label: () => 'Hide all', keywords: ['mask values'], applies: offered('hide-all') },
  { id: 'compare', label: () => 'Compare values', keywords: ['diff', 'environments'], applies: offered('compare') },
  { id: 'import', label: () => 'Import', keywords: ['upload', '.env', 'json', 'yaml'], applies: (c) => c.canWrite && c.offered.has('import') },
  { id: 'export', label: () => 'Export', keywords: ['download', '.env', 'json', 'yaml'], applies: offered('export') },
  { id: 'use-locally', label: () => 'Use it locally', keywords: ['cli', 'cmdk', 'run'], applies: offered('use-locally') },
  { id: 'overview', keys: 'g o', label: () => 'Overview', keywords: ['all environments', 'compare'], applies: (c) => c.appId !== undefined && c.page !== 'overview' },
  { id: 'apps', keys: 'g a', label: () => 'All apps', keywords: ['go to apps'], applies: (c) => c.page !== 'apps' },
  { id: 'presentation', label: (c) => `Presentation mode: turn ${c.presenting ? 'off' : 'on'}`, keywords: ['screen share'], applies: () => true },
  { id: 'theme', label: (c) => `Toggle theme (to ${c.nextTheme})`, keywords: ['dark', 'light'], applies: () => true },
  { id: 'settings', label: () => 'Settings', keywords: ['preferences', 'shortcuts'], applies: offered('settings') },
  { id: 'shortcuts', keys: '?', label: () => 'Keyboard shortcuts', keywords: ['help', 'keys'], applies: () => true },
  { id: 'sign-out', label: () => 'Sign out', keywords: ['log out'], applies: () => true },
];

/** The actions that apply on this page with this session, as palette items. */
export function actionItems(context: ActionContext): PaletteItem[] {
  return ACTIONS.filter((action) => action.applies(context)).map((action) => ({
    kind: 'action',
    id: `action:${action.id}`,
    label: action.label(context),
    detail: action.keys ? `Shortcut: ${action.keys}` : '',
    action: action.id,
    keywords: action.keywords,
  }));
}

export const appItem = (app: { id: string; name: string; slug?: string }): PaletteItem => ({
  kind: 'app',
  id: `app:${app.id}`,
  label: app.name,
  detail: app.name === app.id ? 'App' : `App · ${app.id}`,
  keywords: app.slug && app.slug !== app.name ? [app.slug] : [],
  appId: app.id,
});

export const environmentItem = (appId: string, appName: string, env: { slug: string; name: string }): PaletteItem => ({
  kind: 'environment',
  id: `env:${appId}/${env.slug}`,
  label: env.name,
  detail: `Environment of ${appName}`,
  appId,
  envSlug: env.slug,
});

/** The keys of one environment's masked list (its names and ids only). */
export function keyItems(place: { appId: string; appName: string; envSlug: string; envName: string }, secrets: readonly { key: string; secretId: string }[]): PaletteItem[] {
  const { appId, envSlug } = place;
  const detail = `Key in ${place.appName} / ${place.envName}`;
  return secrets.map((secret) => ({
    kind: 'key',
    id: `key:${appId}/${envSlug}/${secret.key}`,
    label: secret.key,
    detail,
    appId,
    envSlug,
    secretId: secret.secretId,
  }));
}

/** The page's own labelled actions (e.g. "Set value in Production"), listed after the others. */
export function pageActionItems(actions: readonly { key: string; label: string }[]): PaletteItem[] {
  return actions.map((action) => ({ kind: 'action', id: `page:${action.key}`, label: action.label, detail: 'On this page', action: 'page', pageKey: action.key }));
}
