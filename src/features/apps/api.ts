import { apiRequest } from '@/api/client';
import { endpoints, type App, type AppIdentifierType } from '@/api/contract';

export async function getApps(signal?: AbortSignal): Promise<App[]> {
  const { apps } = await apiRequest(endpoints.listApps(), signal);
  return apps;
}

export function getApp(ref: string, identifierType: AppIdentifierType, signal?: AbortSignal): Promise<App> {
  return apiRequest(endpoints.getApp(ref, identifierType), signal);
}
