import { useSyncExternalStore } from 'react';
import { createListeners } from '@/lib/listeners';

/**
 * The environment (its slug, nothing else) each app was last shown in, in this tab's memory only:
 * so that the app's crumb on a secret's page leads back there. None: the overview was.
 */
const lastByApp = new Map<string, string>();
const listeners = createListeners();
const notify = listeners.emit;

export const lastEnvironment = {
  remember(appId: string, envSlug: string): void {
    if (lastByApp.get(appId) === envSlug) return;
    lastByApp.set(appId, envSlug);
    notify();
  },
  /** The app's overview is shown: its crumb leads back there rather than to an environment. */
  rememberOverview(appId: string): void {
    if (lastByApp.delete(appId)) notify();
  },
  of(appId: string): string | undefined {
    return lastByApp.get(appId);
  },
  /** On sign-out: another token may see other apps. */
  forget(): void {
    if (lastByApp.size === 0) return;
    lastByApp.clear();
    notify();
  },
  subscribe: listeners.subscribe,
};

/** The slug of the environment this app was last shown in, if any. */
export function useLastEnvironment(appId: string): string | undefined {
  const of = () => lastEnvironment.of(appId);
  return useSyncExternalStore(lastEnvironment.subscribe, of, of);
}
