import { useSyncExternalStore } from 'react';
import { apiClient } from './client';

const subscribe = (listener: () => void) => apiClient.onSessionChange(listener);
const canWrite = () => apiClient.canWrite;

/** Whether this session may create secrets and set values (it has a Write token), kept current. */
export function useCanWrite(): boolean {
  return useSyncExternalStore(subscribe, canWrite, canWrite);
}
