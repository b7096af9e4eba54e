import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { useWindowVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual';
import Paper from '@mui/material/Paper';
import type { RenderedSecret } from '@/api/contract';
import type { RowReveal } from '../reveal-state';
import { rowStyles, SecretRow, type SecretRowActions } from './secret-row';

/** Height of a row, px, unless its value is expanded: one line, or two in the narrow layout. */
export const ROW_HEIGHT = 52;
export const NARROW_ROW_HEIGHT = 84;
/** The narrow layout's media query (the same as secret-row.module.css's). */
const NARROW_QUERY = '(max-width: 599.95px)';
/** Rows rendered above and below the ones in view. */
const OVERSCAN = 8;

/** Whether the narrow layout (taller rows) applies, following the viewport's width. */
function useNarrowLayout(): boolean {
  const [query] = useState(() => (typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null));
  const subscribe = useCallback(
    (onChange: () => void) => {
      query?.addEventListener('change', onChange);
      return () => query?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => query?.matches ?? false, () => false);
}

type RowVirtualizer = Virtualizer<Window, HTMLDivElement>;

/**
 * Row heights. Only an expanded row is measured (it is the only one given the measuring ref, and
 * the only one whose layout is read); every other row is the fixed height its style sets. A height
 * of 0 means "not laid out" (display: none, no layout engine): the fixed height is kept then.
 */
function measureRow(element: HTMLDivElement, entry: ResizeObserverEntry | undefined, instance: RowVirtualizer): number {
  const fixed = instance.options.estimateSize(0);
  if (element.dataset.expanded !== 'true') return fixed;
  const size = Math.round(entry?.borderBoxSize?.[0]?.blockSize ?? element.offsetHeight);
  return size > 0 ? size : fixed;
}

/**
 * Keeps the rows in view still: a row that changes height moves the page only when all of it is
 * above the viewport (not a row expanded or collapsed in view, not while scrolling up).
 */
function aboveViewport(item: VirtualItem, _delta: number, instance: RowVirtualizer): boolean {
  return item.end <= (instance.scrollOffset ?? 0) && instance.scrollDirection !== 'backward';
}

/** Distance from the top of the document to the element (the list's offset in the page scroll). */
function documentTop(element: HTMLElement | null): number {
  if (!element) return 0;
  return Math.max(0, Math.round(element.getBoundingClientRect().top + window.scrollY));
}

/** A request to show a key: see `highlight` below. */
export interface TableHighlight {
  key: string;
  focus: boolean;
}

export interface SecretsTableProps extends Omit<SecretRowActions, 'onOpen' | 'onExpand'> {
  appId: string;
  envId: string;
  secrets: readonly RenderedSecret[];
  revealOf: (key: string) => RowReveal | null;
  caption: string;
  /**
   * A key to show (one just created, or chosen in the palette): scrolled into view once it is in
   * the list and briefly highlighted; with `focus`, its Reveal button (else its link) takes focus.
   * A new object asks again for the same key.
   */
  highlight?: TableHighlight | null | undefined;
}

interface VirtualRowProps extends SecretRowActions {
  appId: string;
  envId: string;
  index: number;
  offset: number;
  height: number;
  secret: RenderedSecret;
  reveal: RowReveal | null;
  expanded: boolean;
  highlighted: boolean;
  measure: (node: HTMLDivElement | null) => void;
}

/** A positioned row. Memoized with its content: a change in one row re-renders that row only. */
const VirtualRow = memo(function VirtualRow({ index, offset, height, measure, highlighted, ...row }: VirtualRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-expanded={row.expanded}
      ref={row.expanded ? measure : undefined}
      data-highlighted={highlighted || undefined}
      className={`${rowStyles.row} ${rowStyles.body}${row.expanded ? ` ${rowStyles.expanded}` : ''}${highlighted ? ` ${rowStyles.highlighted}` : ''}`}
      style={{ transform: `translateY(${offset}px)`, height: row.expanded ? undefined : height }}
    >
      <SecretRow {...row} />
    </div>
  );
});

const NONE: ReadonlySet<string> = new Set();

/**
 * A virtualized table: only the rows in view (plus a few) are in the DOM, whatever the count, and
 * the page scroll is the list's scroll. Rows have a fixed height; a revealed value shows on its
 * row's one line, and only its explicit Expand makes that row taller (measured).
 */
export function SecretsTable({ appId, envId, secrets, revealOf, caption, onToggle, onCopy, onEdit, secretHref, highlight }: SecretsTableProps) {
  const navigate = useNavigate();
  const onOpen = useCallback((href: string) => void navigate(href), [navigate]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Content above the list (a notice, an error, the count) may move it: re-read when the page resizes.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const update = () => setScrollMargin(documentTop(body));
    if (typeof ResizeObserver === 'undefined') {
      update();
      return;
    }
    // The observer's first report comes after the first layout: reading the position here would
    // force a layout of the whole page before its first paint (and render the table twice).
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const rowHeight = useNarrowLayout() ? NARROW_ROW_HEIGHT : ROW_HEIGHT;
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getItemKey = useCallback((index: number) => secrets[index]?.secretId ?? index, [secrets]);
  const virtualizer = useWindowVirtualizer<HTMLDivElement>({
    count: secrets.length,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin,
    measureElement: measureRow,
    getItemKey,
  });
  useLayoutEffect(() => {
    // The library's documented way to set this predicate is to assign it on the instance.
    // eslint-disable-next-line react-hooks/immutability
    virtualizer.shouldAdjustScrollPositionOnItemSizeChange = aboveViewport;
  }, [virtualizer]);

  // Keys of the rows whose value is open in full. Only a revealed row can be: hiding it (or
  // auto-hide) closes it, and revealing it again starts on one line.
  // (Pruned during render, so a hidden row is never drawn expanded.)
  const [expanded, setExpanded] = useState(NONE);
  const open = useMemo(() => {
    const kept = [...expanded].filter((key) => revealOf(key) !== null);
    return kept.length === expanded.size ? expanded : new Set(kept);
  }, [expanded, revealOf]);
  if (open !== expanded) setExpanded(open);
  const onExpand = useCallback(
    (key: string, isOpen: boolean) =>
      setExpanded((keys) => {
        const next = new Set(keys);
        if (isOpen) next.add(key);
        else next.delete(key);
        return next;
      }),
    [],
  );

  // A closed row takes its fixed height again, mounted or not (a collapsed row is never measured).
  // In a microtask after the commit: a resize above the viewport scrolls the page, and its
  // re-render must land before the next paint (flushSync), which cannot run inside a commit.
  const wasOpen = useRef(open);
  useLayoutEffect(() => {
    const closed = [...wasOpen.current].filter((key) => !open.has(key));
    wasOpen.current = open;
    const indexes = closed.map((key) => secrets.findIndex((secret) => secret.key === key)).filter((index) => index >= 0);
    if (indexes.length === 0) return;
    queueMicrotask(() => flushSync(() => indexes.forEach((index) => virtualizer.resizeItem(index, rowHeight))));
  }, [open, secrets, virtualizer, rowHeight]);

  // Another layout (narrow ↔ wide): every height known changes. The ResizeObserver reports the
  // expanded rows in the DOM again (their width changed); expanded rows out of it are measured
  // when they mount again.
  const layoutHeight = useRef(rowHeight);
  useLayoutEffect(() => {
    if (layoutHeight.current === rowHeight) return;
    layoutHeight.current = rowHeight;
    virtualizer.measure();
  }, [virtualizer, rowHeight]);

  // Scrolled to once per request, when the (refreshed) list first holds the key.
  const scrolledTo = useRef<TableHighlight | null>(null);
  useLayoutEffect(() => {
    if (!highlight || scrolledTo.current === highlight) return;
    const index = secrets.findIndex((secret) => secret.key === highlight.key);
    if (index < 0) return;
    let focusFrame = 0;
    // After the frame: a closing dialog gives focus back to its button first, which scrolls.
    const frame = requestAnimationFrame(() => {
      scrolledTo.current = highlight;
      virtualizer.scrollToIndex(index, { align: 'center' });
      if (!highlight.focus) return;
      // Once the row is rendered (a frame or a few after the scroll).
      let tries = 0;
      const focusRow = () => {
        const row = bodyRef.current?.querySelector(`[data-index="${index}"]`);
        const target = row?.querySelector<HTMLElement>('button[aria-pressed]:not(:disabled)') ?? row?.querySelector<HTMLElement>('a');
        if (target) target.focus();
        else if (++tries < 30) focusFrame = requestAnimationFrame(focusRow);
      };
      focusFrame = requestAnimationFrame(focusRow);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancelAnimationFrame(focusFrame);
    };
  }, [highlight, secrets, virtualizer]);

  const measure = virtualizer.measureElement;
  return (
    <Paper variant="outlined" role="table" aria-label={caption} aria-rowcount={secrets.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${rowStyles.row} ${rowStyles.header}`}>
          <div role="columnheader">Key</div>
          <div role="columnheader" className={rowStyles.value}>
            Value
          </div>
          <div role="columnheader" className={rowStyles.actions}>
            Actions
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={bodyRef} className={rowStyles.rows} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const secret = secrets[item.index];
          if (!secret) return null;
          const reveal = revealOf(secret.key);
          return (
            <VirtualRow
              key={item.key}
              index={item.index}
              offset={item.start - scrollMargin}
              height={rowHeight}
              measure={measure}
              secret={secret}
              appId={appId}
              envId={envId}
              reveal={reveal}
              expanded={open.has(secret.key)}
              highlighted={secret.key === highlight?.key}
              onExpand={onExpand}
              onToggle={onToggle}
              onCopy={onCopy}
              onEdit={onEdit}
              secretHref={secretHref}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </Paper>
  );
}
