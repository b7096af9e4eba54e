import { isApiError } from '@/api/api-error';
import { apiClient, apiRequest } from '@/api/client';
import {
  createSecretBody,
  endpoints,
  type PurposeType,
  type RenderedParams,
  type CreatedSecret,
  type RenderedSecretsResponse,
  type SecretEntity,
} from '@/api/contract';

export function getRenderedSecrets(params: RenderedParams, signal?: AbortSignal): Promise<RenderedSecretsResponse> {
  return apiRequest(endpoints.renderedSecrets(params), signal);
}

/**
 * A secret's detail, or why it is not there: the endpoint is only known from an older CLI.
 * - `unavailable`: the server does not offer it (405/501 now, or remembered for this session);
 * - `not-found` (404) and `forbidden` (403): the page falls back to the rendered lists, which tell
 *   a missing endpoint (the secret is listed) from a missing secret, and a write-only token.
 */
export type SecretDetailResult =
  | { kind: 'entity'; secret: SecretEntity }
  | { kind: 'unavailable' | 'not-found' | 'forbidden' };

export async function getSecretDetail(appId: string, secretId: string, signal?: AbortSignal): Promise<SecretDetailResult> {
  const endpoint = endpoints.getSecret(appId, secretId);
  if (apiClient.isUnavailable(endpoint.name)) return { kind: 'unavailable' };
  try {
    return { kind: 'entity', secret: await apiRequest(endpoint, signal) };
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.status === 405 || error.status === 501) {
      apiClient.markUnavailable(endpoint.name);
      return { kind: 'unavailable' };
    }
    if (error.status === 404) return { kind: 'not-found' };
    if (error.status === 403) return { kind: 'forbidden' };
    throw error;
  }
}

/** After a 404 from the detail endpoint for a secret the lists show: the endpoint is missing. */
export function markSecretDetailUnavailable(appId: string, secretId: string): void {
  apiClient.markUnavailable(endpoints.getSecret(appId, secretId).name);
}

export interface CreateSecretInput {
  appId: string;
  name: string;
  purposeType: PurposeType;
}

/** A secret just created: the id the service returned and the name the user submitted. */
export interface NewSecret {
  id: string;
  name: string;
}

/** The service promises only `id` in its answer: the name shown afterwards is the one sent. */
export async function createSecret({ appId, name, purposeType }: CreateSecretInput, signal?: AbortSignal): Promise<NewSecret> {
  const created: CreatedSecret = await apiRequest(endpoints.createSecret(appId, createSecretBody(name, purposeType)), signal);
  return { id: created.id, name };
}

export interface SetSecretValueInput {
  appId: string;
  secretId: string;
  envId: string;
  /** Sent exactly as given: no trimming. */
  text: string;
}

/** Any 2xx is success; its body is not read. */
export function setSecretValue({ appId, secretId, envId, text }: SetSecretValueInput, signal?: AbortSignal): Promise<void> {
  return apiRequest(endpoints.setValue(appId, secretId, envId, text), signal);
}
