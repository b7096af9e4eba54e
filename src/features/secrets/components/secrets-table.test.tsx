import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { createQueryClient } from '@/api/query-client';
import type { RowReveal } from '../reveal-state';
import { revealedQuery } from '../revealed-query';
import { NARROW_ROW_HEIGHT, ROW_HEIGHT, SecretsTable } from './secrets-table';

const APP = 'app_test';
const ENV = 'env_test';
/** Height of an expanded row as the fake layout reports it. */
const EXPANDED_HEIGHT = 200;
const VALUE = 'first line of the value\nsecond line\nthird line';

const keyOf = (index: number) => `KEY_${String(index).padStart(5, '0')}`;

function secretsOf(count: number): RenderedSecret[] {
  return Array.from({ length: count }, (_, index) => ({
    key: keyOf(index),
    secretId: `sec_${index}`,
    valueType: VALUE_TYPE.string,
    serializedValue: 'ab••••',
  }));
}

/**
 * A ResizeObserver (jsdom has none) that reports the border-box height of what it starts
 * observing after the current task's microtasks, as a browser does after layout, and of all it
 * observes when the test says the layout changed (`reportAll`).
 */
class FakeResizeObserver {
  static readonly instances = new Set<FakeResizeObserver>();
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.instances.add(this);
  }
  static reportAll() {
    for (const observer of FakeResizeObserver.instances) observer.report([...observer.targets]);
  }
  observe(target: Element) {
    this.targets.add(target);
    queueMicrotask(() => this.report([target]));
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.targets.clear();
    FakeResizeObserver.instances.delete(this);
  }
  private report(targets: Element[]) {
    const entries = targets
      .filter((target) => target.isConnected)
      .map((target) => ({ target, borderBoxSize: [{ blockSize: (target as HTMLElement).offsetHeight, inlineSize: 800 }] }) as unknown as ResizeObserverEntry);
    if (entries.length > 0) act(() => this.callback(entries, this as unknown as ResizeObserver));
  }
}

/**
 * The layout jsdom lacks: an expanded row is EXPANDED_HEIGHT tall, any other row the fixed
 * height; the table is at the top of the document (its viewport position moves with the page
 * scroll). Returns the rows whose height was read.
 */
function fakeLayout() {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(() => new DOMRect(0, -window.scrollY, 800, 0));
  const read = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    if (this.getAttribute('role') !== 'row') return 0;
    return this.dataset.expanded === 'true' ? EXPANDED_HEIGHT : ROW_HEIGHT;
  });
  return () => (read.mock.contexts as HTMLElement[]).filter((element) => element.getAttribute('role') === 'row');
}

function revealOfKeys(keys: readonly string[]): (key: string) => RowReveal | null {
  const reveals = new Map(keys.map((key) => [key, { source: 'single', expiresAt: Date.now() + 60_000 } as RowReveal]));
  return (key) => reveals.get(key) ?? null;
}

/** Renders the table alone; `revealed`: keys revealed, their values already in the cache (as a reveal leaves them). */
function renderTable(secrets: readonly RenderedSecret[], revealed: readonly string[] = []) {
  const queryClient = createQueryClient({ retry: false });
  for (const key of revealed) {
    const value = { key, secretId: `sec_${key}`, valueType: VALUE_TYPE.string, serializedValue: VALUE };
    queryClient.setQueryData(revealedQuery({ appId: APP, envId: ENV, names: [key] }).queryKey, { secretDigest: 'd', incrementalId: 1, secrets: [value] });
  }
  const revealOf = revealOfKeys(revealed);
  const props = { appId: APP, envId: ENV, caption: 'Secrets in Test', onToggle: vi.fn(), onCopy: vi.fn(), secretHref: (id: string) => `/s/${id}` };
  const ui = (list: readonly RenderedSecret[], reveals: (key: string) => RowReveal | null) => (
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <SecretsTable {...props} secrets={list} revealOf={reveals} />
      </MemoryRouter>
    </QueryClientProvider>
  );
  const view = render(ui(secrets, revealOf));
  return { update: (list: readonly RenderedSecret[], reveals = revealOf) => view.rerender(ui(list, reveals)) };
}

const table = () => screen.getByRole('table', { name: 'Secrets in Test' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const row = (key: string) => within(table()).getByRole('link', { name: key }).closest<HTMLElement>('[role=row]')!;
const offsetOf = (key: string) => row(key).style.transform;
const rowIndexes = () => bodyRows().map((element) => Number(element.getAttribute('aria-rowindex')) - 2);
const totalHeight = () => (table().querySelectorAll('[role=rowgroup]')[1] as HTMLElement).style.height;
/** Rows in the DOM with their offsets: what the user sees where. */
const rowsInView = () => bodyRows().map((element) => `${element.querySelector('a')!.textContent} ${element.style.transform}`);

/** A viewport whose width says narrow or not (jsdom has no matchMedia); returns a resize. */
function fakeViewport(narrow: boolean) {
  const listeners = new Set<() => void>();
  const query = {
    matches: narrow,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return (next: boolean) => {
    act(() => {
      query.matches = next;
      listeners.forEach((listener) => listener());
    });
    // The new layout changed the rows' sizes: the browser's ResizeObservers report them.
    FakeResizeObserver.reportAll();
  };
}

/** Scrolls the page (the list's scroll) and lets the scroll settle (the virtualizer's 150 ms). */
function scrollPage(y: number) {
  act(() => {
    window.scrollY = y;
    window.dispatchEvent(new Event('scroll'));
  });
  act(() => vi.advanceTimersByTime(200));
}

/** A click, and what it sets off before the next frame (a microtask). */
async function click(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
  window.scrollY = 0;
});

afterEach(() => {
  FakeResizeObserver.instances.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.scrollY = 0;
});

describe('SecretsTable', () => {
  it('has only a window of the rows in the DOM for 10,000 secrets, moved by the page scroll', () => {
    renderTable(secretsOf(10_000));
    expect(table()).toHaveAttribute('aria-rowcount', '10001');
    expect(totalHeight()).toBe(`${10_000 * ROW_HEIGHT}px`);
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThanOrEqual(100);
    expect(rowIndexes()[0]).toBe(0);
    expect(row(keyOf(3))).toHaveStyle({ height: `${ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(3))).toBe(`translateY(${3 * ROW_HEIGHT}px)`);

    scrollPage(ROW_HEIGHT * 5_000);
    const indexes = rowIndexes();
    expect(indexes.length).toBeLessThanOrEqual(100);
    expect(indexes[0]).toBeGreaterThan(4_900);
    expect(indexes).toContain(5_000);
    expect(indexes.at(-1)).toBeLessThan(5_100);
    expect(offsetOf(keyOf(5_000))).toBe(`translateY(${5_000 * ROW_HEIGHT}px)`);
  });

  it('shows a revealed value on its one line; Expand opens it in full, measured, moving only the rows below; Collapse restores it', async () => {
    const heightsRead = fakeLayout();
    const key = keyOf(3);
    renderTable(secretsOf(10_000), [key]);

    const value = within(row(key)).getByRole('group', { name: `Value of ${key}` });
    expect(value.textContent).toBe(VALUE);
    expect(value.tagName).toBe('PRE');
    const expand = within(row(key)).getByRole('button', { name: `Expand value of ${key}` });
    expect(expand).toHaveTextContent('Expand');
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    expect(expand).toHaveAttribute('aria-controls', value.id);
    expect(within(row(key)).getByText(/^Hides in \d+ s$/)).toBeInTheDocument();
    // Revealed, the row keeps the fixed height: nothing moved, nothing was measured.
    expect(row(key)).toHaveStyle({ height: `${ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(4))).toBe(`translateY(${4 * ROW_HEIGHT}px)`);
    expect(heightsRead()).toEqual([]);

    await click(expand);
    const collapse = within(row(key)).getByRole('button', { name: `Collapse value of ${key}` });
    expect(collapse).toBe(expand);
    expect(collapse).toHaveTextContent('Collapse');
    expect(collapse).toHaveAttribute('aria-expanded', 'true');
    expect(row(key).style.height).toBe('');
    // Only the expanded row was measured; the rows above stay, the rows below move down by the difference.
    expect(new Set(heightsRead())).toEqual(new Set([row(key)]));
    expect(offsetOf(keyOf(2))).toBe(`translateY(${2 * ROW_HEIGHT}px)`);
    expect(offsetOf(key)).toBe(`translateY(${3 * ROW_HEIGHT}px)`);
    expect(offsetOf(keyOf(4))).toBe(`translateY(${3 * ROW_HEIGHT + EXPANDED_HEIGHT}px)`);
    expect(totalHeight()).toBe(`${9_999 * ROW_HEIGHT + EXPANDED_HEIGHT}px`);
    for (const other of bodyRows().filter((element) => element !== row(key))) expect(other).toHaveStyle({ height: `${ROW_HEIGHT}px` });

    // Collapse: the same control keeps the focus, the row is one line again.
    act(() => collapse.focus());
    await click(collapse);
    expect(expand).toHaveFocus();
    expect(expand).toHaveAccessibleName(`Expand value of ${key}`);
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    expect(row(key)).toHaveStyle({ height: `${ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(4))).toBe(`translateY(${4 * ROW_HEIGHT}px)`);
    expect(totalHeight()).toBe(`${10_000 * ROW_HEIGHT}px`);
  });

  it('hiding an expanded value folds its row back; revealed again, it starts on one line', async () => {
    fakeLayout();
    const key = keyOf(2);
    const secrets = secretsOf(10_000);
    const { update } = renderTable(secrets, [key]);
    await click(within(row(key)).getByRole('button', { name: `Expand value of ${key}` }));
    expect(offsetOf(keyOf(3))).toBe(`translateY(${2 * ROW_HEIGHT + EXPANDED_HEIGHT}px)`);

    // Hidden (or auto-hidden): the value goes, the row takes its fixed height again.
    await act(async () => update(secrets, revealOfKeys([])));
    expect(within(row(key)).queryByRole('group', { name: `Value of ${key}` })).not.toBeInTheDocument();
    expect(row(key)).toHaveStyle({ height: `${ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(3))).toBe(`translateY(${3 * ROW_HEIGHT}px)`);
    expect(totalHeight()).toBe(`${10_000 * ROW_HEIGHT}px`);

    await act(async () => update(secrets, revealOfKeys([key])));
    expect(within(row(key)).getByRole('button', { name: `Expand value of ${key}` })).toHaveAttribute('aria-expanded', 'false');
    expect(offsetOf(keyOf(3))).toBe(`translateY(${3 * ROW_HEIGHT}px)`);
  });

  it('gives rows the fixed height of the narrow layout, and lays them out again when the viewport widens', async () => {
    const resize = fakeViewport(true);
    fakeLayout();
    const key = keyOf(1);
    renderTable(secretsOf(10_000), [key]);
    expect(row(keyOf(0))).toHaveStyle({ height: `${NARROW_ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(3))).toBe(`translateY(${3 * NARROW_ROW_HEIGHT}px)`);
    expect(totalHeight()).toBe(`${10_000 * NARROW_ROW_HEIGHT}px`);
    await click(within(row(key)).getByRole('button', { name: `Expand value of ${key}` }));
    expect(offsetOf(keyOf(3))).toBe(`translateY(${2 * NARROW_ROW_HEIGHT + EXPANDED_HEIGHT}px)`);

    // Wider: the fixed height of the wide layout; the expanded row measured again.
    resize(false);
    expect(row(keyOf(0))).toHaveStyle({ height: `${ROW_HEIGHT}px` });
    expect(offsetOf(keyOf(3))).toBe(`translateY(${2 * ROW_HEIGHT + EXPANDED_HEIGHT}px)`);
    expect(totalHeight()).toBe(`${9_999 * ROW_HEIGHT + EXPANDED_HEIGHT}px`);
  });

  it('keeps the page scroll and the rows in view when a background refresh brings the same or a changed list', async () => {
    fakeLayout();
    const expandedKey = keyOf(4_990);
    const secrets = secretsOf(10_000);
    const { update } = renderTable(secrets, [expandedKey]);

    // A value expanded, then scrolled past: the rows in view sit below a measured row.
    scrollPage(ROW_HEIGHT * 4_985);
    await click(within(row(expandedKey)).getByRole('button', { name: `Expand value of ${expandedKey}` }));
    // The page scrolled to the top of row 5,010 (5,009 rows of the fixed height and the expanded one above it).
    const y = ROW_HEIGHT * 5_009 + EXPANDED_HEIGHT;
    scrollPage(y);
    const before = rowsInView();
    expect(before[0]).toMatch(/^KEY_050/);
    expect(offsetOf(keyOf(5_010))).toBe(`translateY(${y}px)`);
    // From here on, nothing may write the page's scroll position.
    const scrollTo = vi.mocked(window.scrollTo);
    scrollTo.mockClear();
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => {});

    // The same list (new objects, as a refetch parses them).
    await act(async () => update(secrets.map((secret) => ({ ...secret }))));
    expect(rowsInView()).toEqual(before);

    // A changed list: a value changed in view, a secret added at the end, one removed below the view.
    const changed = secrets.filter((_, index) => index !== 9_000).map((secret, index) => (index === 5_012 ? { ...secret, serializedValue: 'cd••••' } : secret));
    changed.push({ key: 'ZZ_NEW', secretId: 'sec_new', valueType: VALUE_TYPE.string, serializedValue: 'ef••••' });
    await act(async () => update(changed));
    expect(rowsInView()).toEqual(before);
    expect(within(row(keyOf(5_012))).getByText('cd••••')).toBeInTheDocument();
    expect(totalHeight()).toBe(`${9_999 * ROW_HEIGHT + EXPANDED_HEIGHT}px`);

    expect(window.scrollY).toBe(y);
    expect(scrollTo).not.toHaveBeenCalled();
    expect(scrollBy).not.toHaveBeenCalled();
  });
});
