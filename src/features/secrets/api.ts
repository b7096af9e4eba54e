import { apiRequest } from '@/api/client';
import {
  createSecretBody,
  endpoints,
  type PurposeType,
  type RenderedParams,
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

export function createSecret({ appId, name, purposeType }: CreateSecretInput): Promise<SecretEntity> {
  return apiRequest(endpoints.createSecret(appId, createSecretBody(name, purposeType)));
}

export interface SetSecretValueInput {
  appId: string;
  secretId: string;
  envId: string;
  /** Sent exactly as given: no trimming. */
  text: string;
}

export function setSecretValue({ appId, secretId, envId, text }: SetSecretValueInput): Promise<SecretEntity> {
  return apiRequest(endpoints.setValue(appId, secretId, envId, text));
}
