import { apiRequest } from '@/api/client';
import { endpoints, type Environment } from '@/api/contract';

export async function getEnvironments(signal?: AbortSignal): Promise<Environment[]> {
  const { environments } = await apiRequest(endpoints.listEnvironments(), signal);
  return environments;
}
