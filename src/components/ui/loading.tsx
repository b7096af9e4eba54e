import styles from './ui.module.css';

/** An indeterminate progress bar (MUI LinearProgress, without MUI). */
export function ProgressBar({ label }: { label: string }) {
  return <div role="progressbar" aria-label={label} className={styles.progress} />;
}

/** A small spinner (MUI CircularProgress size 14, without MUI). */
export function Spinner({ label }: { label: string }) {
  return <span role="progressbar" aria-label={label} className={styles.spinner} />;
}

/** A placeholder block while something loads. */
export function Skeleton({ height, label }: { height: number; label?: string }) {
  return <div className={styles.skeleton} style={{ height }} aria-label={label} role={label ? 'progressbar' : undefined} />;
}
