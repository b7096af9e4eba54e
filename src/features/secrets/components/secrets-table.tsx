import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { measureElement as measureWithLayout, useWindowVirtualizer } from '@tanstack/react-virtual';
import { paperClass } from '@/components/ui/button';
import type { RenderedSecret } from '@/api/contract';
import type { RowReveal } from '../use-revealed-values';
import { rowStyles, SecretRow, type SecretRowActions } from './secret-row';

const ROW_HEIGHT = 52;

/**
 * Row heights. A masked row is one line (ROW_HEIGHT): when it is first attached, take that
 * without reading layout (reading it per new row forces a synchronous layout in every scroll
 * frame); the ResizeObserver reports the real height after layout if it differs (a long key
 * that wraps). A revealed row is measured at once. A row is never 0 px tall: 0 means "not laid
 * out" (display: none, detached, no layout engine), so the estimate is kept then, or the
 * virtualizer would stack every row at offset 0 and render all of them.
 */
function measureRow(element: Element, entry: ResizeObserverEntry | undefined, instance: Parameters<typeof measureWithLayout>[2]): number {
  if (!entry && (element as HTMLElement).dataset.revealed !== 'true') return ROW_HEIGHT;
  const size = measureWithLayout(element, entry, instance);
  return size > 0 ? size : ROW_HEIGHT;
}

/** Distance from the top of the document to the element (the list's offset in the page scroll). */
function documentTop(element: HTMLElement | null): number {
  if (!element) return 0;
  return Math.max(0, Math.round(element.getBoundingClientRect().top + window.scrollY));
}
export interface SecretsTableProps extends Omit<SecretRowActions, 'onOpen'> {
  appId: string;
  envId: string;
  secrets: readonly RenderedSecret[];
  revealOf: (key: string) => RowReveal | null;
  caption: string;
}

interface VirtualRowProps extends SecretRowActions {
  appId: string;
  envId: string;
  index: number;
  offset: number;
  secret: RenderedSecret;
  reveal: RowReveal | null;
  measure: (node: HTMLElement | null) => void;
}

/** A positioned row. Memoized with its content: a change in one row re-renders that row only. */
const VirtualRow = memo(function VirtualRow({ index, offset, measure, ...row }: VirtualRowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-index={index}
      data-revealed={row.reveal !== null}
      ref={measure}
      className={`${rowStyles.row} ${rowStyles.body}`}
      style={{ transform: `translateY(${offset}px)` }}
    >
      <SecretRow {...row} />
    </div>
  );
});

/**
 * A virtualized table: only the rows in view (plus a few) are in the DOM, whatever the count.
 * Rows grow when a value is revealed (measured), and the page scroll is the list's scroll.
 */
export function SecretsTable({ appId, envId, secrets, revealOf, caption, onToggle, onCopy, onEdit, secretHref }: SecretsTableProps) {
  const navigate = useNavigate();
  const onOpen = useCallback((href: string) => void navigate(href), [navigate]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // Content above the list (a notice, an error, the count) may move it: re-read when the page resizes.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const update = () => setScrollMargin(documentTop(body));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: secrets.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin,
    measureElement: measureRow,
    getItemKey: (index) => secrets[index]?.secretId ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const measure = virtualizer.measureElement;

  return (
    <div className={paperClass} role="table" aria-label={caption} aria-rowcount={secrets.length + 1}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={`${rowStyles.row} ${rowStyles.header}`}>
          <div role="columnheader">Key</div>
          <div role="columnheader" className={rowStyles.value}>
            Value
          </div>
          <div role="columnheader" style={{ textAlign: 'right' }}>
            Actions
          </div>
        </div>
      </div>
      <div role="rowgroup" ref={bodyRef} style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const secret = secrets[item.index];
          if (!secret) return null;
          return (
            <VirtualRow
              key={item.key}
              index={item.index}
              offset={item.start - scrollMargin}
              measure={measure}
              secret={secret}
              appId={appId}
              envId={envId}
              reveal={revealOf(secret.key)}
              onToggle={onToggle}
              onCopy={onCopy}
              onEdit={onEdit}
              secretHref={secretHref}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}
