import { memo } from 'react';
import type { MouseEvent } from 'react';
import { VALUE_TYPE, type RenderedSecret } from '@/api/contract';
import { CopyIcon, EditIcon, VisibilityIcon, VisibilityOffIcon } from '@/components/icons';
import type { RowReveal } from '../reveal-state';
import { PRESENTATION_MASK, usePresentationMode } from '@/lib/presentation-mode';
import { RevealedValue } from './revealed-value';
import styles from './secret-row.module.css';

export interface SecretRowActions {
  onToggle: (key: string, shown: boolean) => void;
  onCopy: (key: string) => void;
  onEdit?: ((secret: RenderedSecret) => void) | undefined;
  secretHref: (secretId: string) => string;
  /** Client-side navigation to an in-app path (one handler for all rows). */
  onOpen: (href: string) => void;
  /** Opens a revealed value in full, or folds it back to one line (one handler for all rows). */
  onExpand: (key: string, expanded: boolean) => void;
}

export interface SecretRowProps extends SecretRowActions {
  appId: string;
  envId: string;
  secret: RenderedSecret;
  /** null while masked. Carries no value: the value is read by RevealedValue from its entry. */
  reveal: RowReveal | null;
  /** The revealed value is shown in full (the row is as tall as it needs) rather than on one line. */
  expanded: boolean;
}

// One element per icon, shared by every row: a row that re-renders leaves its icons alone.
const REVEAL_ICON = <VisibilityIcon fontSize="small" />;
const HIDE_ICON = <VisibilityOffIcon fontSize="small" />;
const COPY_ICON = <CopyIcon fontSize="small" />;
const EDIT_ICON = <EditIcon fontSize="small" />;

/**
 * The cells of one row: plain elements with static classes, cheap to mount while scrolling.
 * Memoized: a keystroke in search or a tick elsewhere re-renders only rows whose props changed.
 */
export const SecretRow = memo(function SecretRow({ appId, envId, secret, reveal, expanded, onToggle, onCopy, onEdit, secretHref, onOpen, onExpand }: SecretRowProps) {
  const shown = reveal !== null;
  const href = secretHref(secret.secretId);
  // A plain link (no router hooks per row: rows do not re-render when the URL's search changes);
  // a plain left click navigates in the app, modified clicks keep the browser's behaviour.
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onOpen(href);
  };
  const hasValue = secret.valueType !== VALUE_TYPE.none;
  const presenting = usePresentationMode();
  return (
    <>
      <div role="cell" className={styles.key}>
        <a href={href} onClick={open} title={secret.key}>
          {secret.key}
        </a>
      </div>
      <div role="cell" className={styles.value}>
        {reveal ? (
          <RevealedValue
            appId={appId}
            envId={envId}
            name={secret.key}
            source={reveal.source}
            expiresAt={reveal.expiresAt}
            showErrors={reveal.source === 'single'}
            expanded={expanded}
            onExpand={onExpand}
          />
        ) : hasValue ? (
          <span className={styles.masked}>{presenting ? PRESENTATION_MASK : (secret.serializedValue ?? '')}</span>
        ) : (
          <span className={styles.notSet}>Not set</span>
        )}
      </div>
      <div role="cell" className={styles.actions}>
        <button
          type="button"
          className={styles.iconButton}
          aria-label={`${shown ? 'Hide' : 'Reveal'} ${secret.key}`}
          title={shown ? 'Hide' : presenting ? 'Not while presenting' : hasValue ? 'Reveal' : 'No value to reveal'}
          aria-pressed={shown}
          disabled={(!hasValue || presenting) && !shown}
          onClick={() => onToggle(secret.key, shown)}
        >
          {shown ? HIDE_ICON : REVEAL_ICON}
        </button>
        <button
          type="button"
          className={styles.iconButton}
          aria-label={`Copy ${secret.key}`}
          title={hasValue ? 'Copy value' : 'No value to copy'}
          disabled={!hasValue}
          onClick={() => onCopy(secret.key)}
        >
          {COPY_ICON}
        </button>
        <button
          type="button"
          className={styles.iconButton}
          aria-label={`Edit ${secret.key}`}
          title={onEdit ? 'Edit value' : 'Editing needs a Write token'}
          disabled={!onEdit}
          onClick={() => onEdit?.(secret)}
        >
          {EDIT_ICON}
        </button>
      </div>
    </>
  );
});

export { styles as rowStyles };
