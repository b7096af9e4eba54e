import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { VALUE_TYPE, type RenderedSecretsResponse } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { errorText } from '@/components/error-alert';
import { buttonClass } from '@/components/ui/button';
import { Spinner } from '@/components/ui/loading';
import { secretQueries } from '../queries';
import styles from './revealed-value.module.css';

/** The clear value of `name` in a Full response: a string, null when not set, undefined when absent. */
export function valueIn(data: RenderedSecretsResponse, name: string): string | null | undefined {
  const secret = data.secrets.find((s) => s.key === name);
  if (!secret) return undefined;
  return secret.valueType === VALUE_TYPE.none ? null : (secret.serializedValue ?? null);
}

function Countdown({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  return (
    <span className={styles.countdown}>Hides in {seconds} s</span>
  );
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
}

/**
 * A revealed value, mounted only while it is shown. It reads the value from its Full-mode query
 * entry and holds it nowhere else: no value travels through props or parent state, so hiding
 * (unmounting this component, removing the entry) leaves no copy in React's fibers.
 */
export function RevealedValue({ appId, envId, name, source, expiresAt, showErrors = true, label }: RevealedValueProps) {
  const query = useQuery({
    ...secretQueries.rendered({ appId, envId, mode: 'Full', names: source === 'single' ? [name] : undefined }),
    select: (data) => valueIn(data, name),
  });
  if (query.isPending) {
    return (
      <span className={styles.pending}>
        <Spinner label={`Revealing ${name}`} />
        Revealing…
      </span>
    );
  }
  if (query.isError) {
    return showErrors ? (
      <p className={styles.error} role="alert">
        Could not reveal: {errorText(query.error)}
        {isApiError(query.error) && query.error.requestId ? <> (request id <code>{query.error.requestId}</code>)</> : null}{' '}
        <button type="button" className={buttonClass({ size: 'small' })} onClick={() => void query.refetch()} aria-label={`Retry revealing ${name}`}>
          Retry
        </button>
      </p>
    ) : null;
  }
  if (query.data === null) return <p className={`${styles.note} ${styles.notSet}`}>Not set</p>;
  if (query.data === undefined) return <p className={styles.note}>No longer in this environment</p>;
  return (
    <div>
      <pre
        role="group"
        // A pre (role generic) may not be named: the group carries the name.
        aria-label={label ?? `Value of ${name}`}
        className={styles.value}
      >
        {query.data}
      </pre>
      <Countdown expiresAt={expiresAt} />
    </div>
  );
}
