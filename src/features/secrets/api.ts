import { apiRequest } from '@/api/client';
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

export function getSecret(appId: string, secretId: string, signal?: AbortSignal): Promise<SecretEntity> {
  return apiRequest(endpoints.getSecret(appId, secretId), signal);
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
export async function createSecret({ appId, name, purposeType }: CreateSecretInput): Promise<NewSecret> {
  const created: CreatedSecret = await apiRequest(endpoints.createSecret(appId, createSecretBody(name, purposeType)));
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
export function setSecretValue({ appId, secretId, envId, text }: SetSecretValueInput): Promise<void> {
  return apiRequest(endpoints.setValue(appId, secretId, envId, text));
}
