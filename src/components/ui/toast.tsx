import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Icon } from './icon';
import { iconButtonClass } from './button';
import styles from './ui.module.css';

export interface ToastProps {
  /** null: nothing shown. */
  message: ReactNode | null;
  onClose: () => void;
  /** The toast hides itself after this long (ms), unless the pointer or focus is on it. */
  autoHideDuration?: number;
  /** 'neutral' is an informational note; the others are filled alerts. */
  severity?: 'neutral' | 'success' | 'warning' | 'error';
  action?: ReactNode;
}

const SEVERITY_CLASS = { neutral: styles.toastNeutral, success: styles.toastSuccess, warning: styles.toastWarning, error: styles.toastError };

/**
 * A short note at the bottom of the window (MUI's Snackbar, without MUI: it shows on the secrets
 * page before the UI library loads). Escape or the close button dismisses it; it hides after
 * `autoHideDuration`, paused while hovered or focused. The polite live region stays in the page,
 * so a note that appears in it is announced; errors and warnings are alerts.
 */
export function Toast({ message, ...props }: ToastProps) {
  return (
    <div className={styles.toastRegion} aria-live="polite">
      {/* The body remounts for each note shown after a close: it starts unpaused. */}
      {message !== null ? <ToastBody message={message} {...props} /> : null}
    </div>
  );
}

function ToastBody({ message, onClose, autoHideDuration = 6000, severity = 'neutral', action }: ToastProps) {
  const [held, setHeld] = useState(false);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => onCloseRef.current(), autoHideDuration);
    return () => clearTimeout(timer);
  }, [held, autoHideDuration, message]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      role={severity === 'error' || severity === 'warning' ? 'alert' : undefined}
      className={`${styles.toast} ${SEVERITY_CLASS[severity]}`}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <div className={styles.alertMessage}>{message}</div>
      {action}
      <button type="button" className={iconButtonClass} aria-label="Close" title="Close" onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}
