import { useCallback, useEffect, useRef, type CSSProperties } from 'react';
import { useNavigate } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { usePresentationMode } from '@/lib/presentation-mode';
import type { Comparison } from '../compare-model';
import type { Overview, OverviewRow } from '../overview-model';
import { BodyRow, HeaderCell, type ColumnMeta, type SetValueRequest } from './overview-cells';
import { KeyHeading } from './key-select-boxes';
import type { KeySelection } from './use-key-selection';
import styles from './overview-table.module.css';

/** Height of a body row and of the header row, px (one line each; the header has two). */
export const ROW_HEIGHT = 44;
export const HEAD_HEIGHT = 60;
/** Rows rendered above and below the ones in view: with the box at most 760 px high, well under 100 rows. */
const OVERSCAN = 10;

export interface OverviewTableProps {
  caption: string;
  overview: Overview;
  /** The rows to show (filtered), in order. */
  rows: readonly OverviewRow[];
  columns: readonly ColumnMeta[];
  secretHref: (secretId: string) => string;
  onSetValue?: ((request: SetValueRequest) => void) | undefined;
  /** The key whose Set value dialog is open, if any. */
  editingKey: string | null;
  /** Checkboxes to select keys (for copying values); none without it. */
  selection?: KeySelection | undefined;
  /** A finished comparison: its verdicts show beside the previews. */
  comparison?: Comparison | null | undefined;
}

/**
 * One row per key, one column per environment, in a box that scrolls both ways (so the box, not the
 * page, is the virtualizer's scroll element): only the rows in view, plus a few, are in the DOM. The
 * box is focusable, so that it scrolls from the keyboard too.
 */
export function OverviewTable({ caption, overview, rows, columns, secretHref, onSetValue, editingKey, selection, comparison = null }: OverviewTableProps) {
  const navigate = useNavigate();
  const onOpen = useCallback((href: string) => void navigate(href), [navigate]);
  const presenting = usePresentationMode();
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // No React Compiler in this build: nothing memoizes around the virtualizer's methods.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The body starts under the header row, inside the scrolling box.
    scrollMargin: HEAD_HEIGHT,
    getItemKey,
  });

  // When the Set value dialog of a row closes, focus goes back to that row even if its button went
  // (the value is set), or to the table if the row left the filtered list: the dialog's own restore
  // finds no button then, and focus would fall to the page. After that restore (same commit).
  const wasEditing = useRef<string | null>(null);
  useEffect(() => {
    const closed = wasEditing.current;
    wasEditing.current = editingKey;
    const scroller = scrollRef.current;
    if (editingKey !== null || closed === null || !scroller) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    const link = [...scroller.querySelectorAll<HTMLElement>('[role="rowheader"] a')].find((a) => a.textContent === closed);
    (link ?? scroller).focus();
  }, [editingKey]);

  const vars = { '--cols': columns.length, '--head-height': `${HEAD_HEIGHT}px` } as CSSProperties;
  return (
    <div ref={scrollRef} role="table" aria-label={caption} aria-rowcount={rows.length + 1} tabIndex={0} className={styles.scroller} style={vars}>
      <div className={styles.inner}>
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={styles.row} style={{ height: HEAD_HEIGHT }}>
            <div role="columnheader" aria-label="Key" className={`${styles.cell} ${styles.keyCell}`}>
              <KeyHeading rows={rows} selection={selection} />
            </div>
            {columns.map((column) => (
              <HeaderCell key={column.environment.id} column={column} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <BodyRow
                key={item.key}
                row={row}
                index={item.index}
                offset={item.start - HEAD_HEIGHT}
                height={ROW_HEIGHT}
                overview={overview}
                columns={columns}
                presenting={presenting}
                secretHref={secretHref}
                onOpen={onOpen}
                onSetValue={onSetValue}
                selected={selection?.selected.has(row.key) ?? false}
                onToggle={selection?.toggle}
                comparison={comparison}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
