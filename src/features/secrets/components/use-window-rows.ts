import { useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';

/**
 * A small window virtualizer for the secrets table: only the rows in view (plus `overscan` above
 * and below) are rendered, and the page scroll is the list's scroll.
 *
 * It replaces the TanStack Virtual library, which cost about 8.7 KB gzip of the secrets page's
 * first-load budget (issue #6) for features this list does not use (lanes, horizontal lists,
 * scroll-to-index, smooth scrolling). What it keeps:
 * - Row heights start at an estimate and are measured by a ResizeObserver; a measured height is
 *   remembered per row key, so a filtered list keeps what was measured.
 * - A row is not measured when it is attached (reading its layout then forces a synchronous
 *   layout in every scroll frame) unless `measureOnAttach` says so (a revealed value); the
 *   ResizeObserver's first notification reports its real height after layout.
 * - A measured height of 0 means "not laid out" (display: none, no layout engine such as jsdom):
 *   the estimate is used then, or every row would stack at offset 0 and all would render.
 * - On `scroll` and `resize` the range is a binary search over prefix sums (recomputed only when
 *   a height or the keys change), and React re-renders only when the rendered range changes.
 * - When a row above the viewport changes height, the page is scrolled by the difference so the
 *   rows in view do not jump (as the library did).
 */

export interface WindowRowsOptions {
  /** The rows' keys, in order. Measured heights are remembered by key, not by index. */
  keys: readonly string[];
  /** Height of a row before it is measured, in px. */
  estimateHeight: number;
  /** Rows rendered above and below the ones in view. */
  overscan: number;
  /** Distance from the top of the document to the top of the list, in px. */
  scrollMargin: number;
  /** Whether a row just attached may be measured at once (reads layout). Default: never. */
  measureOnAttach?: (element: HTMLElement) => boolean;
}

export interface WindowRow {
  index: number;
  key: string;
  /** Top of the row relative to the top of the list, in px. */
  offset: number;
  height: number;
}

export interface WindowRows {
  /** The rows to render, in order. */
  rows: readonly WindowRow[];
  /** Height of the whole list, in px (the sum of the rows' heights). */
  totalHeight: number;
  /** Ref callback for a row element (stable). The element must carry `data-index={index}`. */
  measureRow: (element: HTMLElement | null) => (() => void) | undefined;
}

interface Layout {
  keys: readonly string[];
  /** offsets[i]: top of row i relative to the list; offsets[keys.length]: the total height. */
  offsets: Float64Array;
}

interface Range {
  /** First and last rendered index, overscan included; last < first when there is none. */
  first: number;
  last: number;
}

/** What a render reads: the viewport when the range last changed, and the measured heights. */
interface Snapshot {
  top: number;
  height: number;
  sizes: ReadonlyMap<string, number>;
}

interface Committed {
  layout: Layout;
  range: Range;
  scrollMargin: number;
  overscan: number;
  estimateHeight: number;
  measureOnAttach: ((element: HTMLElement) => boolean) | undefined;
}

const NO_ROWS: Range = { first: 0, last: -1 };
const LISTENER_OPTIONS: AddEventListenerOptions = { passive: true };
/** A re-measured row above the viewport does not move the page while scrolling up (as the library). */
const SCROLL_UP_SETTLE_MS = 150;

function buildLayout(keys: readonly string[], sizes: ReadonlyMap<string, number>, estimateHeight: number): Layout {
  const count = keys.length;
  const offsets = new Float64Array(count + 1);
  let y = 0;
  for (let i = 0; i < count; i++) {
    offsets[i] = y;
    y += sizes.size === 0 ? estimateHeight : (sizes.get(keys[i]!) ?? estimateHeight);
  }
  offsets[count] = y;
  return { keys, offsets };
}

/** The last index whose top is at or above `y` (0 if none). */
function rowAt(offsets: Float64Array, count: number, y: number): number {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const top = offsets[middle]!;
    if (top < y) low = middle + 1;
    else if (top > y) high = middle - 1;
    else return middle;
  }
  return low > 0 ? low - 1 : 0;
}

/** Rows in view of a window scrolled to `top` (`height` tall), widened by `overscan`. */
function findRange(offsets: Float64Array, top: number, height: number, scrollMargin: number, overscan: number): Range {
  const count = offsets.length - 1;
  if (count <= 0 || height <= 0) return NO_ROWS;
  // Past the end of the list (content below it), the last screenful of rows stays rendered.
  const maxTop = Math.max(scrollMargin + offsets[count]! - height, 0);
  const from = Math.min(top, maxTop) - scrollMargin;
  const to = from + height;
  const first = rowAt(offsets, count, from);
  let last = first;
  while (last < count - 1 && offsets[last + 1]! < to) last++;
  return { first: Math.max(first - overscan, 0), last: Math.min(last + overscan, count - 1) };
}

/** Border-box height of a row, rounded; 0 when it is not laid out. */
function heightOf(element: HTMLElement, entry?: ResizeObserverEntry): number {
  const box = entry?.borderBoxSize?.[0];
  return Math.round(box ? box.blockSize : element.getBoundingClientRect().height);
}

class WindowRowsStore {
  private snapshot: Snapshot = { top: window.scrollY, height: window.innerHeight, sizes: new Map() };
  private committed: Committed | null = null;
  private top = this.snapshot.top;
  private height = this.snapshot.height;
  private scrollingUpUntil = 0;
  private readonly listeners = new Set<() => void>();
  private readonly nodes = new Set<HTMLElement>();
  private readonly attached = new Set<HTMLElement>();
  private observer: ResizeObserver | null = null;

  getSnapshot = (): Snapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      window.addEventListener('scroll', this.onViewport, LISTENER_OPTIONS);
      window.addEventListener('resize', this.onViewport, LISTENER_OPTIONS);
    }
    // The page may have scrolled between the render and this subscription.
    this.onViewport();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        window.removeEventListener('scroll', this.onViewport);
        window.removeEventListener('resize', this.onViewport);
      }
    };
  };

  /** Starts the ResizeObserver (after the rows of the first render were attached); returns its cleanup. */
  connect = (): (() => void) => {
    if (typeof ResizeObserver === 'undefined') return () => {};
    const observer = new ResizeObserver(this.onResize);
    this.observer = observer;
    this.nodes.forEach((node) => observer.observe(node, { box: 'border-box' }));
    return () => {
      observer.disconnect();
      if (this.observer === observer) this.observer = null;
    };
  };

  measureRow = (element: HTMLElement | null): (() => void) | undefined => {
    if (!element) return undefined;
    this.nodes.add(element);
    this.attached.add(element);
    this.observer?.observe(element, { box: 'border-box' });
    return () => {
      this.nodes.delete(element);
      this.attached.delete(element);
      this.observer?.unobserve(element);
    };
  };

  /** After each render: what was rendered, then the rows attached by it that may be measured at once. */
  commit(committed: Committed): void {
    this.committed = committed;
    if (this.attached.size > 0) {
      const measured: [HTMLElement, number][] = [];
      if (committed.measureOnAttach) {
        for (const node of this.attached) {
          if (node.isConnected && committed.measureOnAttach(node)) measured.push([node, heightOf(node)]);
        }
      }
      this.attached.clear();
      if (measured.length > 0) this.resize(measured);
    }
    // The viewport may have moved since the snapshot this render used.
    this.update();
  }

  private onViewport = (): void => {
    const top = window.scrollY;
    const now = performance.now();
    if (top < this.top) this.scrollingUpUntil = now + SCROLL_UP_SETTLE_MS;
    else if (top > this.top) this.scrollingUpUntil = 0;
    this.top = top;
    this.height = window.innerHeight;
    this.update();
  };

  private onResize = (entries: ResizeObserverEntry[]): void => {
    const measured: [HTMLElement, number][] = [];
    for (const entry of entries) {
      const node = entry.target as HTMLElement;
      if (node.isConnected) measured.push([node, heightOf(node, entry)]);
    }
    this.resize(measured);
  };

  /** Re-renders when the range in view is not the one rendered. */
  private update(): void {
    const committed = this.committed;
    if (!committed) return;
    const range = findRange(committed.layout.offsets, this.top, this.height, committed.scrollMargin, committed.overscan);
    if (range.first === committed.range.first && range.last === committed.range.last) return;
    committed.range = range;
    this.emit({ top: this.top, height: this.height, sizes: this.snapshot.sizes });
  }

  /** Records measured heights (by key); re-renders if one changed. */
  private resize(measured: readonly (readonly [HTMLElement, number])[]): void {
    const committed = this.committed;
    if (!committed) return;
    const { layout, scrollMargin, estimateHeight } = committed;
    const count = layout.keys.length;
    let sizes: Map<string, number> | null = null;
    let scrollBy = 0;
    for (const [node, measuredHeight] of measured) {
      const index = Number(node.dataset.index);
      if (!Number.isInteger(index) || index < 0 || index >= count) continue;
      const key = layout.keys[index]!;
      const known = (sizes ?? this.snapshot.sizes).get(key);
      const previous = known ?? estimateHeight;
      const height = measuredHeight > 0 ? measuredHeight : estimateHeight;
      const delta = height - previous;
      if (delta === 0) continue;
      // Keep the rows in view still: a row above the viewport that changes height moves the page.
      // Its first measurement counts if its top is above the viewport (the estimate was there);
      // a later one only if all of it is above, and not while scrolling up (as the library).
      const top = scrollMargin + layout.offsets[index]!;
      const above =
        known === undefined ? top < this.top : top + previous <= this.top && performance.now() >= this.scrollingUpUntil;
      if (above) scrollBy += delta;
      sizes ??= new Map(this.snapshot.sizes);
      sizes.set(key, height);
    }
    if (!sizes) return;
    if (scrollBy !== 0) {
      window.scrollBy({ top: scrollBy, behavior: 'instant' });
      this.top += scrollBy;
    }
    this.emit({ top: this.top, height: this.height, sizes });
  }

  private emit(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * The rows of a list scrolled by the page to render now, with their offsets in the list and
 * the list's height. Give each rendered row `ref={measureRow}` and `data-index={index}`.
 */
export function useWindowRows({ keys, estimateHeight, overscan, scrollMargin, measureOnAttach }: WindowRowsOptions): WindowRows {
  const [store] = useState(() => new WindowRowsStore());
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const layout = useMemo(() => buildLayout(keys, snapshot.sizes, estimateHeight), [keys, snapshot.sizes, estimateHeight]);
  const { first, last } = findRange(layout.offsets, snapshot.top, snapshot.height, scrollMargin, overscan);
  const rows = useMemo(() => {
    const list: WindowRow[] = [];
    for (let index = first; index <= last; index++) {
      const offset = layout.offsets[index]!;
      list.push({ index, key: layout.keys[index]!, offset, height: layout.offsets[index + 1]! - offset });
    }
    return list;
  }, [layout, first, last]);

  useLayoutEffect(() => store.connect(), [store]);
  // Every commit: the store's scroll listener compares the viewport with what was rendered.
  useLayoutEffect(() => {
    store.commit({ layout, range: { first, last }, scrollMargin, overscan, estimateHeight, measureOnAttach });
  });

  return { rows, totalHeight: layout.offsets[keys.length]!, measureRow: store.measureRow };
}
