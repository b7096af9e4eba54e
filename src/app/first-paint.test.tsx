import { act } from '@testing-library/react';
import { bearer, buildUrl, requests, type HttpRequest } from '@/api/contract-http';
import { findTable, quietActWarnings } from '@/testing/browse-helpers';
import { renderApp, TEST_API_BASE, useFakeApi } from '@/testing/render-app';
import { colorSchemeStore } from '@/lib/color-scheme-store';
import { buildFirstPaint, firstPaintShown, paintFirstPage, FIRST_PAINT_ATTRIBUTE, type FirstPaintInput } from './first-paint';

const fake = useFakeApi({ secrets: 200, envs: 4, apps: 3 });
quietActWarnings();

const APP = 'app_payments';

/** A response body of the fake API, read as the entry reads it. */
async function body(request: HttpRequest): Promise<unknown> {
  const response = await fetch(buildUrl(TEST_API_BASE, request.path, request.query, location.origin), {
    headers: { Authorization: bearer('demo-token'), Accept: 'application/json' },
  });
  expect(response.ok).toBe(true);
  return response.json();
}

async function inputFor(envSlug: string, envId: string): Promise<FirstPaintInput> {
  return {
    appId: APP,
    envSlug,
    app: await body(requests.getApp(APP, 'Identifier')),
    environments: await body(requests.listEnvironments()),
    list: await body(requests.renderedSecrets({ appId: APP, envId, mode: 'PreviewOnly' })),
    viewportHeight: window.innerHeight,
  };
}

/**
 * The markup as a user sees it: React's generated ids (and the label/description links made with
 * them), the router's data-discover and the first paint's own marks left out; attributes sorted.
 */
function normalized(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ['id', 'for', 'aria-describedby', 'data-discover', 'inert', FIRST_PAINT_ATTRIBUTE]) node.removeAttribute(name);
    const attributes = [...node.attributes].sort((a, b) => a.name.localeCompare(b.name));
    for (const attribute of attributes) node.removeAttribute(attribute.name);
    for (const attribute of attributes) node.setAttribute(attribute.name, attribute.value);
  }
  return copy.outerHTML.replace(/></g, '>\n<');
}

async function reactPage(path: string, table: string): Promise<Element> {
  const view = renderApp(path);
  await findTable(table, 10_000);
  // Effects settle (the table reads its position once).
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  return view.container.firstElementChild!;
}

afterEach(() => {
  colorSchemeStore.setMode('system');
});

describe('the first paint', () => {
  it('is the page React renders first: the same elements, classes and text, rows included', async () => {
    // A secret without a value in the first rows: "Not set", Copy disabled.
    fake.store.createSecret(APP, { name: 'AAA_NOT_SET_YET', purposeType: 'APIKey' });
    const input = await inputFor('development', 'env_dev');
    const painted = buildFirstPaint(input);
    expect(painted).not.toBeNull();
    const react = await reactPage('/apps/app_payments/development', 'Secrets in Development');

    expect(normalized(painted!)).toBe(normalized(react));
    // The comparison covers what matters: rows, a masked value, a value not set.
    expect(painted!.querySelectorAll('[role=row]').length).toBeGreaterThan(10);
    expect(painted!.textContent).toContain('Not set');
    expect(painted!.querySelector('[aria-label="Copy AAA_NOT_SET_YET"]')).toHaveAttribute('disabled');
  });

  it('follows the colour scheme, as the header does', async () => {
    colorSchemeStore.setMode('dark');
    const painted = buildFirstPaint(await inputFor('production', 'env_prod'));
    const react = await reactPage('/apps/app_payments/production', 'Secrets in Production');
    expect(painted!.querySelector('header [aria-label="Switch to light theme"]')).not.toBeNull();
    expect(normalized(painted!)).toBe(normalized(react));
  });

  it('shows the app id when the app lookup failed, as the page does', async () => {
    const input = { ...(await inputFor('development', 'env_dev')), app: undefined };
    expect(buildFirstPaint(input)!.querySelector('h1')!.textContent).toBe(`${APP} · Development`);
  });

  it('is inert: nothing in it can be focused, clicked or typed into before React replaces it', async () => {
    const painted = buildFirstPaint(await inputFor('development', 'env_dev'))!;
    expect(painted).toHaveAttribute('inert');
    expect(painted).toHaveAttribute(FIRST_PAINT_ATTRIBUTE);
  });

  it.each<[string, (input: FirstPaintInput) => FirstPaintInput]>([
    ['an environment with no secrets', (input) => ({ ...input, list: { ...(input.list as object), secrets: [] } })],
    ['a slug that is not in the list', (input) => ({ ...input, envSlug: 'nowhere' })],
    ['a list without secrets', (input) => ({ ...input, list: {} })],
    ['a secret without a key', (input) => ({ ...input, list: { secrets: [{ secretId: 's1', valueType: 'x' }] } })],
    ['an environment without a label', (input) => ({ ...input, environments: { environments: [{ id: 'env_dev', slug: 'development', name: 'Development' }] } })],
    ['no environment list', (input) => ({ ...input, environments: null })],
  ])('draws nothing for %s (React draws the page)', async (_what, change) => {
    expect(buildFirstPaint(change(await inputFor('development', 'env_dev')))).toBeNull();
  });

  it('is drawn only into an empty root, and is told apart from the page React renders', async () => {
    const input = await inputFor('development', 'env_dev');
    const root = document.createElement('div');
    expect(firstPaintShown(root)).toBe(false);
    expect(paintFirstPage(root, input)).toBe(true);
    expect(firstPaintShown(root)).toBe(true);
    expect(paintFirstPage(root, input)).toBe(false);
    expect(root.children).toHaveLength(1);

    const rendered = document.createElement('div');
    rendered.append(document.createElement('div'));
    expect(paintFirstPage(rendered, input)).toBe(false);
    expect(firstPaintShown(rendered)).toBe(false);
    expect(paintFirstPage(null, input)).toBe(false);
  });

  it('writes text only: markup in a key or a preview is not parsed', async () => {
    const input = await inputFor('development', 'env_dev');
    const list = input.list as { secrets: Record<string, unknown>[] };
    const first = { ...list.secrets[0]!, key: '<img src=x onerror=alert(1)>', serializedValue: '<b>x</b>' };
    const painted = buildFirstPaint({ ...input, list: { ...list, secrets: [first, ...list.secrets.slice(1)] } })!;
    expect(painted.querySelector('img, b')).toBeNull();
    expect(painted.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
