import { ErrorAlert } from '@/components/error-alert';

export const READ_ONLY_HINT =
  'Your token is read-only: it has no Write scope (or is not allowed to change this app or environment). To make changes, sign out, then sign in again and add a token with Write scope in “Write token (optional)”.';

/** A failed write: the server's message, the request id and, on a 403, how to get a write token. */
export function WriteErrorAlert({ error, title, onRetry }: { error: unknown; title: string; onRetry?: (() => void) | undefined }) {
  return <ErrorAlert error={error} title={title} onRetry={onRetry} forbiddenHint={READ_ONLY_HINT} />;
}
