import { useId, type Ref } from 'react';
import { Icon } from './icon';
import styles from './ui.module.css';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** e.g. '/' when a key focuses the field. */
  keyShortcuts?: string;
  className?: string;
}

/** A labelled search box (MUI's small outlined TextField with a search icon, without MUI). */
export function SearchField({ label, value, onChange, helperText, inputRef, keyShortcuts, className }: SearchFieldProps) {
  const id = useId();
  return (
    <div className={className ? `${styles.field} ${className}` : styles.field}>
      <div className={styles.fieldBox}>
        <label htmlFor={id} className={styles.fieldLabel}>
          {label}
        </label>
        <Icon name="search" />
        <input
          ref={inputRef}
          id={id}
          type="search"
          className={styles.input}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-keyshortcuts={keyShortcuts}
          aria-describedby={helperText ? `${id}-help` : undefined}
        />
      </div>
      {helperText ? (
        <p id={`${id}-help`} className={styles.helper}>
          {helperText}
        </p>
      ) : null}
    </div>
  );
}
