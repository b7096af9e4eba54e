import { useEffect, useRef } from 'react';
import type { CopyKey } from '../copy-model';
import styles from './key-select-boxes.module.css';
import type { KeySelection } from './use-key-selection';

/** A row's checkbox: plain, as the virtualized rows mount many while scrolling. */
export function RowSelectBox({ row, checked, onToggle }: { row: CopyKey; checked: boolean; onToggle: (row: CopyKey) => void }) {
  return <input type="checkbox" className={styles.box} aria-label={`Select ${row.key}`} checked={checked} onChange={() => onToggle(row)} />;
}

/**
 * The header's checkbox: selects every key the filters show (rendered or not), or unselects them
 * when all are selected; mixed when some are.
 */
export function SelectAllBox({ rows, selection }: { rows: readonly CopyKey[]; selection: KeySelection }) {
  const ref = useRef<HTMLInputElement>(null);
  let count = 0;
  for (const row of rows) if (selection.selected.has(row.key)) count++;
  const all = rows.length > 0 && count === rows.length;
  const some = count > 0 && !all;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={styles.box}
      aria-label="Select all shown keys"
      checked={all}
      disabled={rows.length === 0}
      onChange={() => selection.setMany(rows, !all)}
    />
  );
}

/** The key column's header with the select-all box before its label. */
export function KeyHeading({ rows, selection }: { rows: readonly CopyKey[]; selection?: KeySelection | undefined }) {
  return (
    <span className={styles.line}>
      {selection ? <SelectAllBox rows={rows} selection={selection} /> : null}
      Key
    </span>
  );
}
