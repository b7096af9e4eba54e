import { memo, useCallback, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { BulkItemStatus } from '@/lib/bulk-runner';
import { canInclude, duplicateText, isIncluded, type ImportCategory, type ImportRow } from './import-model';
import styles from './import-rows.module.css';

/** Up to this many rows all render; past it only those in view (5,000 rows stay quick). */
const VIRTUALIZE_FROM = 100;
const ESTIMATED_ROW_HEIGHT = 52;

const CATEGORY_TEXT: Record<ImportCategory, string> = {
  new: 'New',
  replace: 'Will replace',
  same: 'Already has this value',
  invalid: 'Invalid name',
  'too-large': 'Too large',
};

const RESULT_TEXT: Partial<Record<BulkItemStatus, string>> = {
  done: 'Imported',
  failed: 'Failed',
  cancelled: 'Not sent',
  pending: 'Waiting',
  running: 'Sending',
};

export interface RowHandlers {
  choices: ReadonlyMap<string, boolean>;
  onInclude: (row: ImportRow, included: boolean) => void;
  onFix: (row: ImportRow, fix: string) => void;
  /** While writing or showing results: nothing can change. */
  locked: boolean;
  /** A row's outcome in the last run (none when the row was not part of it); the server's messages are listed under the progress bar. */
  statusOf: (id: string) => BulkItemStatus | undefined;
}

/** Only what the row shows, as values that stay the same between renders (so that memo skips the unchanged rows). */
interface RowProps extends Pick<RowHandlers, 'onInclude' | 'onFix' | 'locked'> {
  row: ImportRow;
  included: boolean;
  status: BulkItemStatus | undefined;
}

/** One key: its checkbox, name, category or result, and what is worth knowing about it. Never its value. */
const Row = memo(function Row({ row, included, status, onInclude, onFix, locked }: RowProps) {
  const details: Array<{ text: string; tone?: 'warning' | 'error'; fix?: string }> = [];
  if (row.renamed) details.push({ text: `Written as ${row.key} (the file says ${row.id}).` });
  if (row.duplicateLines) details.push({ text: `Written more than once: ${duplicateText(row.duplicateLines)}.` });
  for (const note of row.notes) details.push({ text: note.message, tone: 'warning' });
  if (row.nameError) {
    if (row.fix && row.fixCollision) details.push({ text: `${row.nameError} ${row.fix} is already a key of this file: rename one of them in the text.`, tone: 'error' });
    else if (row.fix) details.push({ text: row.nameError, tone: 'error', fix: row.fix });
    else details.push({ text: `${row.nameError} Rename it in the text.`, tone: 'error' });
  }
  if (row.sizeError) details.push({ text: row.sizeError, tone: 'error' });
  const resultText = status ? RESULT_TEXT[status] : undefined;
  return (
    <>
      <input
        type="checkbox"
        className={styles.box}
        aria-label={`Include ${row.key}`}
        checked={included}
        disabled={locked || !canInclude(row)}
        onChange={(event) => onInclude(row, event.target.checked)}
      />
      <span className={styles.key}>
        {row.key} <span className={styles.category}>line {row.line}</span>
      </span>
      <span className={styles.category} data-category={row.category} data-result={status}>
        {resultText ?? CATEGORY_TEXT[row.category]}
      </span>
      {details.length > 0 ? (
        <ul className={styles.details}>
          {details.map((detail, index) => (
            <li key={index} className={detail.tone ? styles[detail.tone] : undefined}>
              {detail.text}
              {detail.fix && !locked ? (
                <button type="button" className={styles.fix} onClick={() => onFix(row, detail.fix ?? '')}>
                  Use {detail.fix}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
});

/** The rows of the preview: all of them when few, else only those in view (with their measured heights). */
export function ImportRows({ rows, handlers, label }: { rows: readonly ImportRow[]; handlers: RowHandlers; label: string }) {
  const { choices, onInclude, onFix, locked, statusOf } = handlers;
  const props = (row: ImportRow): RowProps => ({ row, included: isIncluded(row, choices), status: statusOf(row.id), onInclude, onFix, locked });
  if (rows.length <= VIRTUALIZE_FROM) {
    return (
      <div className={styles.scroller}>
        <ul className={styles.list} aria-label={label}>
          {rows.map((row) => (
            <li key={row.id} className={styles.row}>
              <Row {...props(row)} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return <VirtualRows rows={rows} label={label} props={props} />;
}

function VirtualRows({ rows, label, props }: { rows: readonly ImportRow[]; label: string; props: (row: ImportRow) => RowProps }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // No React Compiler in this build: nothing memoizes around the virtualizer's methods.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
    getItemKey,
  });
  return (
    <div ref={scrollRef} className={styles.scroller} tabIndex={0} role="group" aria-label={`${label}, scrollable`}>
      <ul className={styles.list} aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className={`${styles.row} ${styles.virtual}`}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <Row {...props(row)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
