import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isApiError } from '@/api/api-error';
import { ErrorAlert } from '@/components/error-alert';
import { ExpandMoreIcon } from '@/components/icons';
import { checkApiBaseUrl, type ApiOriginContext } from '@/config/api-origin';
import { readRuntimeConfig } from '@/config/runtime-config';

/** This page's origin and the origins app-config.js allows: where a token may be sent. */
function apiOriginContext(): ApiOriginContext {
  return { origin: window.location.origin, apiOrigins: readRuntimeConfig().apiOrigins };
}

const baseUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = checkApiBaseUrl(value, apiOriginContext());
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  });

/** The hint under the base URL field: where the token will go, once the value is allowed. */
function baseUrlHint(value: string): string {
  const result = checkApiBaseUrl(value, apiOriginContext());
  if (!result.ok) return 'Default /api (this server proxies it). A full URL calls the API directly; it must allow this origin (CORS).';
  const origin = result.url.origin;
  return origin === window.location.origin
    ? `Your token will be sent to ${origin} (this site).`
    : `Your token will be sent to ${origin}. It must allow this origin (CORS).`;
}

/** A pasted token: not empty, nothing blank inside (also the re-authentication prompt's rule). */
export const tokenSchema = z
  .string()
  .refine((v) => v.trim().length > 0, 'Paste your API access token')
  .refine((v) => !/\s/.test(v.trim()), 'A token has no spaces or line breaks inside: check what you pasted');

const signInSchema = z.object({
  readToken: tokenSchema,
  writeToken: z.union([z.literal(''), tokenSchema]),
  baseUrl: baseUrlSchema,
});
export type SignInValues = z.infer<typeof signInSchema>;

export interface SignInFormProps {
  defaultBaseUrl: string;
  demo: boolean;
  /** Verifies and stores the session; rejects with an ApiError when the token is refused. */
  onSignIn: (values: { readToken: string; writeToken?: string; baseUrl: string; demo: boolean }) => Promise<void>;
  notice?: string | undefined;
}

/** A token field's input attributes: no autofill, spell check or password manager. */
export const tokenInputProps = {
  autoComplete: 'off',
  spellCheck: false,
  'data-1p-ignore': true,
  'data-lpignore': 'true',
  'data-form-type': 'other',
} as const;

export function SignInForm({ defaultBaseUrl, demo, onSignIn, notice }: SignInFormProps) {
  const [failure, setFailure] = useState<unknown>(null);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({
    resolver: zodResolver(signInSchema),
    defaultValues: { readToken: '', writeToken: '', baseUrl: defaultBaseUrl },
    // Checked on the first submit, then as the user types: leaving the empty token field (to
    // explore the demo) shows no error.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });

  const submit = async (values: { readToken: string; writeToken?: string; baseUrl: string; demo: boolean }) => {
    setFailure(null);
    try {
      await onSignIn(values);
    } catch (error) {
      setFailure(error);
    }
  };

  const refused = isApiError(failure) && failure.status === 401;
  const baseUrl = useWatch({ control, name: 'baseUrl' });

  return (
    <Stack spacing={3}>
      {notice ? <Alert severity="info">{notice}</Alert> : null}
      {demo ? (
        <>
          <Stack spacing={1}>
            <Button
              variant="outlined"
              size="large"
              disabled={isSubmitting}
              onClick={() => void submit({ readToken: 'demo-token', writeToken: 'demo-token', baseUrl: defaultBaseUrl, demo: true })}
            >
              Explore the demo
            </Button>
            <Typography variant="body2" color="text.secondary">
              The demo runs a pretend secrets service inside this tab, with made-up data. Nothing leaves your browser.
            </Typography>
          </Stack>
          <Divider>or sign in with a token</Divider>
        </>
      ) : null}
      <Box
        component="form"
        noValidate
        aria-label="Sign in with an API token"
        onSubmit={handleSubmit((v) =>
          submit({ readToken: v.readToken.trim(), ...(v.writeToken.trim() ? { writeToken: v.writeToken.trim() } : {}), baseUrl: v.baseUrl.trim(), demo: false }),
        )}
      >
        <Stack spacing={2}>
          <TextField
            label="API token"
            type="password"
            required
            autoFocus
            {...register('readToken')}
            error={Boolean(errors.readToken)}
            helperText={errors.readToken?.message ?? 'A token with Read scope: it lets you list and reveal secrets.'}
            slotProps={{ htmlInput: tokenInputProps }}
          />
          <TextField
            label="Write token (optional)"
            type="password"
            {...register('writeToken')}
            error={Boolean(errors.writeToken)}
            helperText={
              errors.writeToken?.message ??
              'Only needed to create secrets or change values. A Write token cannot read values, so keep the Read token above too.'
            }
            slotProps={{ htmlInput: tokenInputProps }}
          />
          {/* Open while the base URL is refused, so its message is seen and the field can take focus. */}
          <Accordion
            disableGutters
            variant="outlined"
            expanded={advancedOpen || Boolean(errors.baseUrl)}
            onChange={(_event, expanded) => setAdvancedOpen(expanded)}
          >
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="sign-in-advanced" id="sign-in-advanced-header">
              <Typography>Advanced</Typography>
            </AccordionSummary>
            <AccordionDetails id="sign-in-advanced">
              <TextField
                label="API base URL"
                fullWidth
                {...register('baseUrl')}
                error={Boolean(errors.baseUrl)}
                helperText={errors.baseUrl?.message ?? baseUrlHint(baseUrl)}
                slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
              />
            </AccordionDetails>
          </Accordion>
          {failure ? (
            <ErrorAlert
              error={failure}
              title={refused ? 'That token was not accepted' : 'Could not sign in'}
            />
          ) : null}
          <Button type="submit" variant="contained" size="large" disabled={isSubmitting}>
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </Stack>
      </Box>
    </Stack>
  );
}
