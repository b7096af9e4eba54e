import type { ReactNode } from 'react';
import styles from './ui.module.css';

export type Severity = 'info' | 'warning' | 'error' | 'success';

/**
 * A message in the page (MUI's standard Alert, without MUI). Errors are announced at once
 * (role alert); other notices politely (role status).
 */
export function Notice({ severity, title, action, children }: { severity: Severity; title?: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <div role={severity === 'error' ? 'alert' : 'status'} className={`${styles.alert} ${styles[severity]}`}>
      <div className={styles.alertMessage}>
        {title ? <div className={styles.alertTitle}>{title}</div> : null}
        {children}
      </div>
      {action ? <div className={styles.alertAction}>{action}</div> : null}
    </div>
  );
}
