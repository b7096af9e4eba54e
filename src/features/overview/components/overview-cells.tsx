import { memo, useId, type MouseEvent } from 'react';
import type { Environment } from '@/api/contract';
import { PRESENTATION_MASK } from '@/lib/presentation-mode';
import type { CopyKey } from '../copy-model';
import { verdictOf, type Comparison } from '../compare-model';
import { cellOf, type Overview, type OverviewRow } from '../overview-model';
import { CompareMarker } from './compare-marker';
import { RowSelectBox } from './key-select-boxes';
import styles from './overview-table.module.css';

/** A column as the table draws it: its environment, its label and where its list is. */
export interface ColumnMeta {
  environment: Environment;
  label: string;
  state: 'pending' | 'failed' | 'loaded';
  /** Keys missing there, once loaded. */
  missing: number | null;
  retry: () => void;
}

/** The value a missing cell's "Set value" opens the write flow for. */
export interface SetValueRequest {
  secretId: string;
  key: string;
  environment: Environment;
}

/**
 * An environment's header: its label is the column's name; under it, how many keys are missing
 * there (its description), or that it is loading, or that it failed, with Retry.
 */
export function HeaderCell({ column }: { column: ColumnMeta }) {
  const statusId = useId();
  const { label, state, missing } = column;
  return (
    <div role="columnheader" aria-label={label} aria-describedby={statusId} className={styles.cell}>
      <span className={styles.label} title={label}>
        {label}
      </span>
      <span id={statusId} className={styles.headStatus} data-missing={(missing ?? 0) > 0} data-failed={state === 'failed'}>
        {state === 'pending' ? 'Loading…' : state === 'failed' ? 'Not loaded' : missing ? `${missing} missing` : 'None missing'}
        {state === 'failed' ? (
          <button type="button" className={styles.button} aria-label={`Retry ${label}`} onClick={column.retry}>
            Retry
          </button>
        ) : null}
      </span>
    </div>
  );
}

/**
 * A "Set value" that goes away with focus on it (its value was set, so the cell shows a preview, or
 * the row left the filtered list) hands focus to its row's key, else to the table: never to the page.
 * Module-level, so the ref callback is stable and runs its cleanup only when the button goes.
 */
function keepFocusNear(button: HTMLButtonElement | null) {
  if (!button) return;
  return () => {
    if (document.activeElement !== button) return;
    const link = button.closest('[role="row"]')?.querySelector('a');
    const table = button.closest<HTMLElement>('[role="table"]');
    queueMicrotask(() => (link?.isConnected ? link : table)?.focus());
  };
}

export interface BodyRowProps {
  row: OverviewRow;
  index: number;
  /** Where the row starts in the body, and its height (px). */
  offset: number;
  height: number;
  overview: Overview;
  columns: readonly ColumnMeta[];
  presenting: boolean;
  secretHref: (secretId: string) => string;
  /** Client-side navigation to an in-app path (one handler for all rows). */
  onOpen: (href: string) => void;
  /** Without it (no Write token) a missing cell offers nothing. */
  onSetValue?: ((request: SetValueRequest) => void) | undefined;
  /** The row's selection checkbox (for copying values): none without `onToggle`. */
  selected?: boolean;
  onToggle?: ((row: CopyKey) => void) | undefined;
  /** A finished comparison: each value's verdict beside its preview. */
  comparison?: Comparison | null;
}

/**
 * One key across the environments. Its key links to the secret's page; its only other tab stops
 * are its selection checkbox and the "Set value" of its missing cells. Memoized: scrolling re-renders only rows that change.
 */
export const BodyRow = memo(function BodyRow({ row, index, offset, height, overview, columns, presenting, secretHref, onOpen, onSetValue, selected = false, onToggle, comparison = null }: BodyRowProps) {
  const href = secretHref(row.secretId);
  const production = comparison?.reference != null ? (columns[comparison.reference]?.label ?? '') : '';
  // A plain left click navigates in the app; modified clicks keep the browser's behaviour.
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(href);
  };
  return (
    <div role="row" aria-rowindex={index + 2} className={`${styles.row} ${styles.bodyRow}`} style={{ height, transform: `translateY(${offset}px)` }}>
      <div role="rowheader" aria-label={row.key} className={`${styles.cell} ${styles.keyCell}`}>
        {onToggle ? <RowSelectBox row={row} checked={selected} onToggle={onToggle} /> : null}
        <a href={href} onClick={open} title={row.key}>
          {row.key}
        </a>
      </div>
      {columns.map((column, c) => {
        const cell = cellOf(overview, row.key, c);
        return (
          <div role="cell" key={column.environment.id} className={styles.cell}>
            {cell.kind === 'value' ? (
              <>
                <span className={styles.preview}>{presenting ? PRESENTATION_MASK : cell.preview}</span>
                {comparison ? <CompareMarker verdict={verdictOf(comparison, row.key, c)} production={production} /> : null}
              </>
            ) : cell.kind === 'missing' ? (
              <>
                <span className={styles.missing} title={cell.reason === 'none' ? `No value in ${column.label}` : `Not listed in ${column.label}`}>
                  missing
                </span>
                {onSetValue ? (
                  <button
                    ref={keepFocusNear}
                    type="button"
                    className={styles.button}
                    aria-label={`Set value of ${row.key} in ${column.label}`}
                    onClick={() => onSetValue({ secretId: row.secretId, key: row.key, environment: column.environment })}
                  >
                    Set value
                  </button>
                ) : null}
              </>
            ) : (
              <>
                <span className={styles.muted} aria-hidden="true">
                  {column.state === 'failed' ? '—' : '…'}
                </span>
                <span className={styles.srOnly}>{column.state === 'failed' ? 'not loaded' : 'loading'}</span>
              </>
            )}
          </div>
        );
      })}
    </div>
  );
});
