import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { isApiError } from '@/api/api-error';

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

/** A failed request in the page or a dialog: announced at once (role alert), with Retry when given. */
export function ErrorAlert({ error, title, onRetry, forbiddenHint }: ErrorAlertProps) {
  const api = isApiError(error) ? error : undefined;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        onRetry ? (
          <Button color="inherit" size="small" onClick={onRetry}>
            Retry
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {errorText(error)}
      {api?.status === 403 && forbiddenHint ? <div>{forbiddenHint}</div> : null}
      {api?.requestId ? (
        <div>
          Request id: <code>{api.requestId}</code>
        </div>
      ) : null}
    </Alert>
  );
}
