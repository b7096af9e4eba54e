/**
 * The create dialog's form: its schema (the same name and size rules as everywhere), the status of
 * each initial value once sent, and the texts that summarise them.
 */
import { z } from 'zod';
import { PURPOSE_TYPES, type Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';
import { isProductionEnvironment } from '../domain';
import { secretNameError, valueSizeError } from '../secret-name';

export const createSecretSchema = z.object({
  name: z.string().superRefine((name, ctx) => {
    const message = secretNameError(name);
    if (message) ctx.addIssue({ code: 'custom', message });
  }),
  purposeType: z.enum(PURPOSE_TYPES),
  values: z.array(
    z.object({
      envId: z.string(),
      text: z.string().superRefine((text, ctx) => {
        const message = valueSizeError(text);
        if (message) ctx.addIssue({ code: 'custom', message });
      }),
    }),
  ),
});
export type CreateSecretValues = z.infer<typeof createSecretSchema>;

/** An initial value once sent: saving, saved, or failed with the error to show beside it. */
export type EnvStatus = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: unknown };

/** The production environments among `values`, as "A and B" (for the confirmation). */
export function productionNames(values: readonly { envId: string }[], envById: Map<string, Environment>): string {
  const names = values
    .map((v) => envById.get(v.envId))
    .filter((env): env is Environment => env !== undefined && isProductionEnvironment(env))
    .map(environmentName);
  return names.join(' and ') || 'production';
}

/** The live summary of the values sent: how many are saving, where saved, where failed. */
export function progressText(statuses: Record<string, EnvStatus>, environments: readonly Environment[]): string {
  const entries = environments.flatMap((env) => {
    const status = statuses[env.id];
    return status ? [{ env, status }] : [];
  });
  if (entries.length === 0) return '';
  const saving = entries.filter((e) => e.status.state === 'saving').length;
  const saved = entries.filter((e) => e.status.state === 'saved').map((e) => environmentName(e.env));
  const failed = entries.filter((e) => e.status.state === 'failed').map((e) => environmentName(e.env));
  const parts: string[] = [];
  if (saving > 0) parts.push(`Saving ${saving} value${saving === 1 ? '' : 's'}…`);
  if (saved.length > 0) parts.push(`Saved in ${saved.join(', ')}.`);
  if (failed.length > 0) parts.push(`Failed in ${failed.join(', ')}.`);
  return parts.join(' ');
}
