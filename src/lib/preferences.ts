/**
 * User preferences that hold nothing secret (auto-hide delay, clipboard clearing delay, single-key
 * shortcuts). Kept in this tab's memory and sessionStorage, parsed on read.
 */
import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import { createListeners } from './listeners';

const KEY = 'secrets-dashboard.preferences';
export const AUTO_HIDE_CHOICES = [15, 30, 60, 120, 300] as const;
/** How soon a copied value leaves the clipboard; never keeping it is deliberately not offered. */
export const CLIPBOARD_CLEAR_CHOICES = [15, 30, 60, 120] as const;

const preferencesSchema = z.object({
  autoHideSeconds: z._default(z.int().check(z.gte(5), z.lte(3600)), 60),
  clipboardClearSeconds: z._default(z.int().check(z.gte(5), z.lte(600)), 30),
  /** Shortcuts of one key (`/`, `?`, `n`, `g a`…): can be turned off (WCAG 2.1.4). */
  singleKeyShortcuts: z._default(z.boolean(), true),
});
export type Preferences = z.infer<typeof preferencesSchema>;

function load(): Preferences {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    const parsed = preferencesSchema.safeParse(raw ? JSON.parse(raw) : {});
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to defaults
  }
  return preferencesSchema.parse({});
}

let current: Preferences = load();
const listeners = createListeners();

export const preferencesStore = {
  get: () => current,
  subscribe: listeners.subscribe,
  set(patch: Partial<Preferences>) {
    current = preferencesSchema.parse({ ...current, ...patch });
    try {
      sessionStorage.setItem(KEY, JSON.stringify(current));
    } catch {
      // Storage unavailable: the preference lives in memory for this page.
    }
    listeners.emit();
  },
  /** For tests. */
  reset() {
    current = preferencesSchema.parse({});
    listeners.emit();
  },
};

export function usePreferences(): Preferences {
  return useSyncExternalStore(preferencesStore.subscribe, preferencesStore.get, preferencesStore.get);
}
