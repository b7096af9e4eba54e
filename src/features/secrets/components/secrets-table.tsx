import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { paperClass } from '@/components/ui/button';
import type { RenderedSecret } from '@/api/contract';
import type { RowReveal } from '../use-revealed-values';
import { rowStyles, SecretRow, type SecretRowActions } from './secret-row';
import { OVERSCAN, ROW_HEIGHT } from './table-layout';
import { useWindowRows, type WindowRows } from './use-window-rows';

/**
 * Row heights. A masked row is one line (ROW_HEIGHT): when it is first attached, take that
 * without reading layout (reading it per new row forces a synchronous layout in every scroll
 * frame); the ResizeObserver reports the real height after layout if it differs (a long key
 * that wraps). A revealed row is measured at once. (A height of 0, not laid out, keeps the
 * estimate: see use-window-rows.)
 */
function measureOnAttach(element: HTMLElement): boolean {
  return element.dataset.revealed === 'true';
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
  measure: WindowRows['measureRow'];
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

  const keys = useMemo(() => secrets.map((secret) => secret.secretId), [secrets]);
  const { rows, totalHeight, measureRow } = useWindowRows({
    keys,
    estimateHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin,
    measureOnAttach,
  });

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
      <div role="rowgroup" ref={bodyRef} style={{ position: 'relative', height: totalHeight }}>
        {rows.map((row) => {
          const secret = secrets[row.index];
          if (!secret) return null;
          return (
            <VirtualRow
              key={row.key}
              index={row.index}
              offset={row.offset}
              measure={measureRow}
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
