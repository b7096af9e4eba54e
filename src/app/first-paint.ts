/**
 * The secrets page's first paint, drawn by the entry chunk with plain DOM calls from the early
 * responses (early-requests.ts), before React, the router and the query cache have loaded (#6).
 *
 * It is the page React renders first — the same elements, classes and text (the frame, the
 * environment tabs, the toolbar, the count and the rows in view; first-paint.test.tsx compares the
 * two) — marked `inert`: nothing in it can be focused, clicked or typed into, so nothing a user does
 * is lost when React replaces it with its own first render, a moment later (createRoot empties the
 * container on its first commit; the app waits for the list before rendering, early-data.ts, so
 * that commit is the page with its rows, not a loading state).
 *
 * Drawn only for the plain page: the masked list of an environment that has secrets, no search in
 * the URL. Anything else (a search, an empty environment, a body of another shape) paints nothing
 * and React draws the page as it always does. Text only (`textContent`): no markup from a response
 * is ever parsed. Masked previews only — the list is read in `PreviewOnly` mode.
 */
import { VALUE_TYPE } from '@/api/contract-http';
import { buttonClass, iconButtonClass, linkClass, paperClass } from '@/components/ui/button';
import { ICON_PATHS } from '@/components/icon-paths';
import ui from '@/components/ui/ui.module.css';
import { OVERSCAN, ROW_HEIGHT } from '@/features/secrets/components/table-layout';
import rowStyles from '@/features/secrets/components/secret-row.module.css';
import viewStyles from '@/features/secrets/components/secrets-view.module.css';
import { colorSchemeStore } from '@/lib/color-scheme-store';
import { environmentName } from '@/lib/environment-name';
import layoutStyles from './app-layout.module.css';
import { appPath, envPath, secretPath } from './paths';
import routeStyles from './routes/secrets-route.module.css';

/** Marks the first paint's root element (tests and the app's start look for it). */
export const FIRST_PAINT_ATTRIBUTE = 'data-first-paint';

interface PaintEnvironment {
  id: string;
  slug: string;
  /** environmentName(): as the page names it. */
  title: string;
}

interface PaintSecret {
  secretId: string;
  key: string;
  preview: string | null;
}

export interface FirstPaintInput {
  appId: string;
  envSlug: string;
  /** The app lookup's body, or undefined when it failed (the header then shows the id, as React does). */
  app: unknown;
  /** The environment list's body. */
  environments: unknown;
  /** The masked list's body (PreviewOnly). */
  list: unknown;
  /** Height of the viewport, px: how many rows are in view. */
  viewportHeight: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null);

function environmentsOf(body: unknown): PaintEnvironment[] | null {
  const list = record(body)?.environments;
  if (!Array.isArray(list)) return null;
  const out: PaintEnvironment[] = [];
  for (const item of list as unknown[]) {
    const env = record(item);
    if (!env || !isString(env.id) || !isString(env.slug) || !isString(env.name) || !isString(env.label)) return null;
    out.push({ id: env.id, slug: env.slug, title: environmentName({ id: env.id, slug: env.slug, name: env.name, label: env.label }) });
  }
  return out;
}

/** The first `count` secrets of the list, and how many there are; null if the body is not a list. */
function secretsOf(body: unknown, count: number): { total: number; first: PaintSecret[] } | null {
  const list = record(body)?.secrets;
  if (!Array.isArray(list)) return null;
  const first: PaintSecret[] = [];
  for (const item of (list as unknown[]).slice(0, count)) {
    const secret = record(item);
    if (!secret || !isString(secret.secretId) || !isString(secret.key) || !isString(secret.valueType)) return null;
    const preview = secret.valueType === VALUE_TYPE.none ? null : isString(secret.serializedValue) ? secret.serializedValue : '';
    first.push({ secretId: secret.secretId, key: secret.key, preview });
  }
  return { total: list.length, first };
}

type Child = Node | string | null;

/** An element with attributes (in React's order) and children. */
function h(tag: string, attributes: Record<string, string | null>, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

function icon(name: keyof typeof ICON_PATHS): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICON_PATHS[name]);
  svg.append(path);
  return svg;
}

function row(appId: string, secret: PaintSecret, index: number): HTMLElement {
  const hasValue = secret.preview !== null;
  const iconButton = (label: string, title: string, name: keyof typeof ICON_PATHS, extra: Record<string, string | null> = {}) =>
    h('button', { type: 'button', class: rowStyles.iconButton!, 'aria-label': `${label} ${secret.key}`, title, ...extra }, icon(name));
  return h(
    'div',
    {
      role: 'row',
      'aria-rowindex': String(index + 2),
      'data-index': String(index),
      'data-revealed': 'false',
      class: `${rowStyles.row} ${rowStyles.body}`,
      style: `transform: translateY(${index * ROW_HEIGHT}px);`,
    },
    h('div', { role: 'cell', class: rowStyles.key! }, h('a', { href: secretPath(appId, secret.secretId) }, secret.key)),
    h(
      'div',
      { role: 'cell', class: rowStyles.value! },
      hasValue ? h('span', { class: rowStyles.masked! }, secret.preview) : h('span', { class: rowStyles.notSet! }, 'Not set'),
    ),
    h(
      'div',
      { role: 'cell', class: rowStyles.actions! },
      iconButton('Reveal', 'Reveal', 'visibility', { 'aria-pressed': 'false' }),
      iconButton('Copy', hasValue ? 'Copy value' : 'No value to copy', 'copy', { disabled: hasValue ? null : '' }),
      iconButton('Edit', 'Set value', 'edit'),
    ),
  );
}

/**
 * The page's element tree for these responses — with the rows React's first render has: those in
 * a viewport-high window from the list's top, and OVERSCAN more, or null when they do not make the plain page (see
 * the module comment). Not attached anywhere.
 */
export function buildFirstPaint(input: FirstPaintInput): HTMLElement | null {
  const { appId, envSlug } = input;
  const environments = environmentsOf(input.environments);
  const env = environments?.find((e) => e.slug === envSlug);
  const secrets = secretsOf(input.list, Math.max(1, Math.ceil(input.viewportHeight / ROW_HEIGHT) + OVERSCAN));
  if (!environments || !env || !secrets || secrets.total === 0) return null;
  const name = record(input.app)?.name;
  const appName = isString(name) ? name : appId;
  const next = colorSchemeStore.get().scheme === 'dark' ? 'light' : 'dark';
  const toastRegion = () => h('div', { class: ui.toastRegion!, 'aria-live': 'polite' });

  const header = h(
    'header',
    { class: layoutStyles.bar! },
    icon('lock'),
    h('span', { class: layoutStyles.title! }, h('a', { class: linkClass!, href: '/apps' }, 'Secrets')),
    h('div', { class: layoutStyles.placeBox! }, h('span', { class: layoutStyles.place! }, '/ ', h('a', { class: linkClass!, href: appPath(appId) }, appName), ` / ${env.title}`)),
    h('button', { type: 'button', class: iconButtonClass!, 'aria-label': `Switch to ${next} theme`, title: `Switch to ${next} theme` }, icon(next === 'light' ? 'lightMode' : 'darkMode')),
    h('button', { type: 'button', class: iconButtonClass!, 'aria-label': 'Settings', title: 'Settings', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, icon('settings')),
    h('button', { type: 'button', class: buttonClass({ color: 'inherit' }) }, 'Sign out'),
  );

  const tabs = h(
    'div',
    { role: 'tablist', 'aria-label': 'Environments', class: ui.tabs! },
    ...environments.map((e) =>
      h('a', { role: 'tab', 'aria-selected': String(e.slug === env.slug), tabindex: e.slug === env.slug ? '0' : '-1', class: ui.tab!, href: envPath(appId, e.slug) }, e.title),
    ),
  );

  const search = h(
    'div',
    { class: `${ui.field} ${viewStyles.search}` },
    h(
      'div',
      { class: ui.fieldBox! },
      h('label', { class: ui.fieldLabel! }, 'Search keys'),
      icon('search'),
      h('input', { class: ui.input!, spellcheck: 'false', autocomplete: 'off', 'aria-keyshortcuts': '/', type: 'search', value: '' }),
    ),
    h('p', { class: ui.helper! }, 'Press / to search'),
  );

  const toolbar = h(
    'div',
    { class: viewStyles.toolbar! },
    search,
    h('div', { class: viewStyles.spacer! }),
    h('button', { type: 'button', class: buttonClass({ variant: 'outlined' }), 'aria-pressed': 'false' }, 'Reveal all'),
    h('button', { type: 'button', class: buttonClass({ variant: 'contained' }) }, icon('add'), 'New secret'),
    toastRegion(),
  );

  const table = h(
    'div',
    { class: paperClass!, role: 'table', 'aria-label': `Secrets in ${env.title}`, 'aria-rowcount': String(secrets.total + 1) },
    h(
      'div',
      { role: 'rowgroup' },
      h(
        'div',
        { role: 'row', 'aria-rowindex': '1', class: `${rowStyles.row} ${rowStyles.header}` },
        h('div', { role: 'columnheader' }, 'Key'),
        h('div', { role: 'columnheader', class: rowStyles.value! }, 'Value'),
        h('div', { role: 'columnheader', style: 'text-align: right;' }, 'Actions'),
      ),
    ),
    h('div', { role: 'rowgroup', style: `position: relative; height: ${secrets.total * ROW_HEIGHT}px;` }, ...secrets.first.map((secret, i) => row(appId, secret, i))),
  );

  const page = h(
    'div',
    { class: routeStyles.page! },
    h('h1', { class: routeStyles.heading! }, appName, h('span', { class: routeStyles.envName! }, ` · ${env.title}`)),
    h('div', { class: routeStyles.tabs! }, tabs),
    h(
      'div',
      { class: viewStyles.view! },
      toolbar,
      h('p', { class: viewStyles.status!, role: 'status', 'aria-live': 'polite' }, `${secrets.total} secrets in ${env.title}`),
      table,
      toastRegion(),
      toastRegion(),
    ),
    toastRegion(),
  );

  return h('div', { class: layoutStyles.frame!, [FIRST_PAINT_ATTRIBUTE]: '', inert: '' }, header, h('div', { class: layoutStyles.pending! }), h('main', { class: layoutStyles.main! }, page));
}

/** Draws the first paint into `root` if it is still empty; true if it did. */
export function paintFirstPage(root: HTMLElement | null, input: FirstPaintInput): boolean {
  if (!root || root.hasChildNodes()) return false;
  const page = buildFirstPaint(input);
  if (!page) return false;
  root.append(page);
  return true;
}

/** Whether the first paint is on screen (React has not replaced it yet). */
export function firstPaintShown(root: HTMLElement | null): boolean {
  return root?.firstElementChild?.hasAttribute(FIRST_PAINT_ATTRIBUTE) ?? false;
}
