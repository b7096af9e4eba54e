/**
 * The store's plain, serializable shape: what datasets are built from (`StoreInit`), what
 * `FakeStore.toJSON()` gives and `FakeStore.fromJSON` validates (the browser demo keeps it in
 * sessionStorage).
 */
import { z } from 'zod';
import { appSchema, environmentSchema, purposeTypeSchema, type App, type Environment } from '../src/api/contract.ts';

/** A provider as `GET /providers` lists it (the CLI sends the "Other" one's id when it creates a secret). */
export const providerSchema = z.object({ id: z.string().min(1), name: z.string(), slug: z.string() });
export type Provider = z.infer<typeof providerSchema>;

export const secretRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string(),
  purposeType: purposeTypeSchema,
  description: z.string().optional(),
  /** environment id → value text; an environment without a key has no value. */
  values: z.record(z.string(), z.string()),
});
export type SecretRecord = z.infer<typeof secretRecordSchema>;

export const appRecordSchema = z.object({
  ...appSchema.shape,
  secrets: z.array(secretRecordSchema).optional(),
  /** environment id → incrementalId (defaults to 1). */
  incrementalIds: z.record(z.string(), z.number().int()).optional(),
});
export type AppRecord = z.infer<typeof appRecordSchema>;

export const storeSnapshotSchema = z.object({
  version: z.literal(1),
  environments: z.array(environmentSchema),
  /** Optional: snapshots saved before providers existed load with none. */
  providers: z.array(providerSchema).optional(),
  apps: z.array(appRecordSchema),
  nextSecretNumber: z.number().int().nonnegative(),
});
export type StoreSnapshot = z.infer<typeof storeSnapshotSchema>;

/** Builds an app's secrets on first use; must be deterministic for a given app. */
export type SecretsFactory = (app: App, environments: readonly Environment[]) => SecretRecord[];

export interface StoreInit {
  environments: Environment[];
  /** Default: none. */
  providers?: Provider[];
  /** An app without `secrets` gets them from `secretsFactory` (or none) on first use. */
  apps: AppRecord[];
  secretsFactory?: SecretsFactory;
  nextSecretNumber?: number;
}
