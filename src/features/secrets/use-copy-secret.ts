import { useCallback, useEffect, useRef, useState } from 'react';
import { VALUE_TYPE } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { getRenderedSecrets } from './api';

/**
 * Copy a value without showing it: one Full request filtered to the key, straight to the
 * clipboard. The value is kept nowhere (not in the query cache, not in state).
 */
export function useCopySecret({ appId, envId }: { appId: string; envId: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const pending = useRef<AbortController | null>(null);

  // Leaving the environment (or the page) cancels a copy in flight: nothing lands on the clipboard.
  useEffect(
    () => () => {
      pending.current?.abort();
      pending.current = null;
    },
    [appId, envId],
  );

  const copy = useCallback(
    async (key: string) => {
      setMessage(null);
      pending.current?.abort();
      const controller = new AbortController();
      pending.current = controller;
      try {
        const data = await getRenderedSecrets({ appId, envId, mode: 'Full', names: [key] }, controller.signal);
        if (controller.signal.aborted) return;
        const secret = data.secrets.find((s) => s.key === key);
        if (!secret || secret.valueType === VALUE_TYPE.none || secret.serializedValue === undefined) {
          setFailed(true);
          setMessage(`${key} has no value in this environment.`);
          return;
        }
        await navigator.clipboard.writeText(secret.serializedValue);
        setFailed(false);
        setMessage(`Copied ${key} to the clipboard.`);
      } catch (error) {
        if (controller.signal.aborted) return;
        setFailed(true);
        const reason = isApiError(error)
          ? `${error.message}${error.requestId ? ` (request id ${error.requestId})` : ''}`
          : 'The browser did not allow access to the clipboard.';
        setMessage(`Could not copy ${key}: ${reason}`);
      } finally {
        if (pending.current === controller) pending.current = null;
      }
    },
    [appId, envId],
  );

  const copyKey = useCallback((key: string) => void copy(key), [copy]);
  const dismiss = useCallback(() => setMessage(null), []);
  return { copy: copyKey, message, failed, dismiss };
}
