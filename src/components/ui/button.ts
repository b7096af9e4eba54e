import styles from './ui.module.css';

export type ButtonVariant = 'text' | 'outlined' | 'contained';

/**
 * Class names for a plain <button> or <a> that looks like MUI's Button (no MUI on the secrets
 * page's first render, #6). `inherit` takes the surrounding text colour.
 */
export function buttonClass({ variant = 'text', color, size }: { variant?: ButtonVariant; color?: 'inherit'; size?: 'small' } = {}): string {
  return [styles.button, variant !== 'text' && styles[variant], color === 'inherit' && styles.inherit, size === 'small' && styles.small].filter(Boolean).join(' ');
}

export const iconButtonClass = styles.iconButton;
export const linkClass = styles.link;
export const paperClass = styles.paper;
