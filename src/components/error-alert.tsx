import { isApiError } from '@/api/api-error';
import { buttonClass } from './ui/button';
import { Notice } from './ui/notice';

export interface ErrorAlertProps {
  error: unknown;
  /** Headline, e.g. "Could not load secrets". */
  title: string;
  onRetry?: (() => void) | undefined;
  /** Extra guidance shown for a 403. */
  forbiddenHint?: string | undefined;
}

/** An error as users should see it: the server's message and the request id to quote to support. */
export function errorText(error: unknown): string {
  if (isApiError(error)) return error.message;
  return 'Something went wrong. Try again.';
}

/** Plain markup (no MUI): it shows on the secrets page without loading the UI library, and in dialogs. */
export function ErrorAlert({ error, title, onRetry, forbiddenHint }: ErrorAlertProps) {
  const api = isApiError(error) ? error : undefined;
  return (
    <Notice
      severity="error"
      title={title}
      action={
        onRetry ? (
          <button type="button" className={buttonClass({ color: 'inherit', size: 'small' })} onClick={onRetry}>
            Retry
          </button>
        ) : undefined
      }
    >
      {errorText(error)}
      {api?.status === 403 && forbiddenHint ? <div>{forbiddenHint}</div> : null}
      {api?.requestId ? (
        <div>
          Request id: <code>{api.requestId}</code>
        </div>
      ) : null}
    </Notice>
  );
}
