import { useCallback, useEffect, useRef, useState } from 'react';
import { VALUE_TYPE } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { clipboardGuard } from '@/lib/clipboard-guard';
import { preferencesStore } from '@/lib/preferences';
import { getRenderedSecrets } from './api';

const delayText = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${seconds / 60} min`);

/**
 * Copy a value without showing it: one Full request filtered to the key, straight to the
 * clipboard, which clipboardGuard clears after the user's delay. The value is kept nowhere (not
 * in the query cache, not in state; the guard keeps a digest).
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
        const { clipboardClearSeconds } = preferencesStore.get();
        await clipboardGuard.copy(secret.serializedValue, clipboardClearSeconds * 1000);
        setFailed(false);
        setMessage(
          `Copied ${key} to the clipboard. It is cleared in ${delayText(clipboardClearSeconds)}; your system's clipboard history may keep it.`,
        );
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
