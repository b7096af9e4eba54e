import { useEffect, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import { VALUE_TYPE, type RenderedSecretsResponse } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { errorText } from '@/components/error-alert';
import { CollapseIcon, ExpandIcon } from '@/components/icons';
import { revealedQuery } from '../revealed-query';
import styles from './revealed-value.module.css';

/** The clear value of `name` in a Full response: a string, null when not set, undefined when absent. */
export function valueIn(data: RenderedSecretsResponse, name: string): string | null | undefined {
  const secret = data.secrets.find((s) => s.key === name);
  if (!secret) return undefined;
  return secret.valueType === VALUE_TYPE.none ? null : (secret.serializedValue ?? null);
}

const EXPAND_ICON = <ExpandIcon fontSize="inherit" />;
const COLLAPSE_ICON = <CollapseIcon fontSize="inherit" />;

function Countdown({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return <span className={styles.countdown}>Hides in {seconds} s</span>;
}

export interface RevealedValueProps {
  appId: string;
  envId: string;
  name: string;
  /** 'single': the entry filtered to this name; 'all': the environment's "reveal all" entry. */
  source: 'single' | 'all';
  expiresAt: number;
  /** Error shown here (single) or once elsewhere (all). */
  showErrors?: boolean;
  /** Accessible name of the value block; default `Value of <name>`. */
  label?: string;
  /**
   * In a table row: the value on one line, cut with an ellipsis, and an Expand control that calls
   * this to open it in full (or fold it back). Without it, the whole value is shown as a block.
   */
  onExpand?: ((name: string, expanded: boolean) => void) | undefined;
  /** With `onExpand`: the value is open in full. */
  expanded?: boolean;
}

/**
 * A revealed value, mounted only while it is shown. It reads the value from its Full-mode query
 * entry and holds it nowhere else: no value travels through props or parent state, so hiding
 * (unmounting this component, removing the entry) leaves no copy in React's fibers.
 */
export function RevealedValue({ appId, envId, name, source, expiresAt, showErrors = true, label, onExpand, expanded = false }: RevealedValueProps) {
  const valueId = useId();
  const query = useQuery({
    ...revealedQuery({ appId, envId, names: source === 'single' ? [name] : undefined }),
    select: (data) => valueIn(data, name),
  });
  const inRow = onExpand !== undefined;
  if (query.isPending) {
    return (
      <span className={styles.pending}>
        <CircularProgress size={14} aria-label={`Revealing ${name}`} />
        Revealing…
      </span>
    );
  }
  if (query.isError) {
    return showErrors ? (
      <p className={inRow ? `${styles.error} ${styles.errorLine}` : styles.error} role="alert">
        <span className={styles.message}>
          Could not reveal: {errorText(query.error)}
          {isApiError(query.error) && query.error.requestId ? <> (request id <code>{query.error.requestId}</code>)</> : null}
        </span>{' '}
        <Button size="small" onClick={() => void query.refetch()} aria-label={`Retry revealing ${name}`}>
          Retry
        </Button>
      </p>
    ) : null;
  }
  if (query.data === null) return <p className={`${styles.note} ${styles.notSet}`}>Not set</p>;
  if (query.data === undefined) return <p className={styles.note}>No longer in this environment</p>;

  const block = (
    <pre
      id={valueId}
      role="group"
      // A pre (role generic) may not be named: the group carries the name.
      aria-label={label ?? `Value of ${name}`}
      className={inRow ? (expanded ? styles.full : styles.oneLine) : styles.block}
    >
      {query.data}
    </pre>
  );
  if (!inRow) {
    return (
      <div>
        {block}
        <Countdown expiresAt={expiresAt} />
      </div>
    );
  }
  const action = expanded ? 'Collapse' : 'Expand';
  return (
    <div className={expanded ? `${styles.line} ${styles.open}` : styles.line}>
      {block}
      <button
        type="button"
        className={styles.expand}
        aria-label={`${action} value of ${name}`}
        aria-expanded={expanded}
        aria-controls={valueId}
        onClick={() => onExpand(name, !expanded)}
      >
        {expanded ? COLLAPSE_ICON : EXPAND_ICON}
        {action}
      </button>
      <Countdown expiresAt={expiresAt} />
    </div>
  );
}
