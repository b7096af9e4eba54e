import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { isApiError } from '@/api/api-error';
import type { TokenScope } from '@/api/contract';
import { ErrorAlert } from '@/components/error-alert';
import { tokenInputProps, tokenSchema } from './sign-in-form';

const promptSchema = z.object({ token: tokenSchema });
type PromptValues = z.infer<typeof promptSchema>;

export interface ReauthPromptProps {
  /** The token the API refused: only that one is asked for. */
  scope: TokenScope;
  /** Where the token goes: the session's API origin (not editable here). */
  origin: string;
  /** Puts the token in place (and checks a read token); rejects when it is refused. */
  onSubmit: (token: string) => Promise<void>;
  /** Ends the session: what the dialogs hold is lost. */
  onSignOut: () => void;
}

/**
 * Over the page when a token is refused while a dialog holds typed input: asks again for that
 * token only, so the dialog stays as it was. It cannot be dismissed: sign in, or sign out.
 */
export function ReauthPrompt({ scope, origin, onSubmit, onSignOut }: ReauthPromptProps) {
  const titleId = useId();
  const textId = useId();
  const [failure, setFailure] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<PromptValues>({ resolver: zodResolver(promptSchema), defaultValues: { token: '' }, mode: 'onSubmit', reValidateMode: 'onChange' });
  const label = scope === 'write' ? 'Write token' : 'API token';
  const here = typeof location !== 'undefined' && origin === location.origin ? ' (this site)' : '';

  const submit = handleSubmit(async ({ token }) => {
    setFailure(null);
    try {
      await onSubmit(token.trim());
    } catch (error) {
      setFailure(error);
    }
  });

  return (
    <Dialog open aria-labelledby={titleId} aria-describedby={textId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>Sign in again to keep your work</DialogTitle>
      <Box component="form" noValidate aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
        <DialogContent sx={{ pt: 0 }}>
          <Stack spacing={2}>
            <DialogContentText id={textId}>
              The API refused your {label}. What you typed is kept: once you sign in again it is as you left it, and you can save it.
              Signing out instead discards it.
            </DialogContentText>
            <TextField
              label={label}
              type="password"
              required
              autoFocus
              fullWidth
              {...register('token')}
              error={Boolean(errors.token)}
              helperText={
                errors.token?.message ??
                (scope === 'write'
                  ? `A token with Write scope. It is checked when you save again. It will be sent to ${origin}${here}.`
                  : `A token with Read scope. It will be sent to ${origin}${here}.`)
              }
              slotProps={{ htmlInput: tokenInputProps }}
            />
            {failure ? (
              <ErrorAlert error={failure} title={isApiError(failure) && failure.status === 401 ? 'That token was not accepted' : 'Could not sign in'} />
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onSignOut} disabled={isSubmitting}>
            Sign out
          </Button>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
