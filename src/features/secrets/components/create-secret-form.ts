/**
 * The create dialog's form: its schema (the same name and size rules as everywhere) and the text
 * that summarises the initial values sent.
 */
import { z } from 'zod';
import { PURPOSE_TYPES, type Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';
import { secretNameError, valueSizeError } from '@/lib/secret-name';
import type { ItemStatus } from '../use-write-flow';

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

/** The live summary of the values sent: how many are saving, where saved, where failed. */
export function progressText(statuses: Readonly<Record<string, ItemStatus>>, environments: readonly Environment[]): string {
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
