import { useEffect, useState } from 'react';
import { isApiError } from '@/api/api-error';
import { errorText } from '@/components/error-alert';
import { Toast } from '@/components/toast';
import { onBackgroundError } from '@/lib/background-errors';

/** The one place a failed background refresh is told: a warning note, whatever query it was. */
export function BackgroundErrors() {
  const [error, setError] = useState<unknown>(null);
  useEffect(() => onBackgroundError((e) => {
    // A 401 sends the user to sign-in; a cancelled request is not an error.
    if (isApiError(e) && (e.status === 401 || e.kind === 'aborted')) return;
    setError(e);
  }), []);
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Toast
      severity="warning"
      autoHideDuration={8000}
      onClose={() => setError(null)}
      message={error === null ? null : `Could not refresh: ${errorText(error)}${requestId ? ` (request id ${requestId})` : ''}`}
    />
  );
}
