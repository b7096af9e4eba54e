import { useEffect } from 'react';
import { isApiError } from '@/api/api-error';
import { errorText } from '@/components/error-alert';
import { useToasts } from '@/components/toast-queue';
import { onBackgroundError } from '@/lib/background-errors';

/**
 * The one place a failed background refresh is told: a warning note, whatever query it was. One
 * such note at a time in the queue: a later failure updates it rather than queueing another.
 */
export function BackgroundErrors() {
  const toasts = useToasts();
  useEffect(() => onBackgroundError((e) => {
    // A 401 sends the user to sign-in; a cancelled request is not an error.
    if (isApiError(e) && (e.status === 401 || e.kind === 'aborted')) return;
    const requestId = isApiError(e) ? e.requestId : undefined;
    toasts.show({
      key: 'background-error',
      severity: 'warning',
      autoHideDuration: 8000,
      message: `Could not refresh: ${errorText(e)}${requestId ? ` (request id ${requestId})` : ''}`,
    });
  }), [toasts]);
  return null;
}
