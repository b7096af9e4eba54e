import { useId } from 'react';
import { Controller, type Control } from 'react-hook-form';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';
import type { ItemStatus } from '../use-write-flow';
import type { CreateSecretValues } from './create-secret-form';
import { ValueField } from './value-field';
import { WriteErrorAlert } from './write-error-alert';

interface InitialValuesProps {
  control: Control<CreateSecretValues>;
  environments: readonly Environment[];
  statuses: Readonly<Record<string, ItemStatus>>;
  pending: boolean;
}

/**
 * One optional value per environment. A value locks once saving or saved; one that failed keeps
 * its text and shows why beside it, for a retry.
 */
export function InitialValues({ control, environments, statuses, pending }: InitialValuesProps) {
  const headingId = useId();
  return (
    <Stack spacing={2} component="section" aria-labelledby={headingId}>
      <Box>
        <Typography variant="subtitle1" component="h3" id={headingId}>
          Initial values (optional)
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Leave a field empty to set that environment later. Each value is saved exactly as typed.
        </Typography>
      </Box>
      {environments.map((env, index) => {
        const status = statuses[env.id];
        return (
          <Stack spacing={1} key={env.id}>
            <Controller
              control={control}
              name={`values.${index}.text`}
              render={({ field }) => (
                <ValueField
                  label={`Initial value in ${environmentName(env)}`}
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  disabled={pending || status?.state === 'saved' || status?.state === 'saving'}
                  error={status?.state === 'failed'}
                  helperText={
                    status?.state === 'saving'
                      ? 'Saving…'
                      : status?.state === 'saved'
                        ? 'Saved'
                        : status?.state === 'failed'
                          ? 'Not saved'
                          : undefined
                  }
                />
              )}
            />
            {status?.state === 'failed' ? (
              <WriteErrorAlert error={status.error} title={`Could not set the value in ${environmentName(env)}`} />
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
