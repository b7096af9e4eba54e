import { useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { App, AppIdentifierType } from '@/api/contract';
import { isApiError } from '@/api/api-error';
import { ErrorAlert } from '@/components/error-alert';
import { appQueries } from '../queries';

function lookupTitle(error: unknown, kind: AppIdentifierType): string {
  if (isApiError(error) && error.status === 404) return kind === 'Name' ? 'No app has that name' : 'No app has that id';
  if (isApiError(error) && error.errorType === 'DataEntityNonSingular') return 'Several apps have that name: open it by id instead';
  return 'Could not open the app';
}

/** Opens an app by name or id: works when the API has no app listing. */
export function OpenAppForm({ onOpen }: { onOpen: (app: App) => void }) {
  const queryClient = useQueryClient();
  const [ref, setRef] = useState('');
  const [kind, setKind] = useState<AppIdentifierType>('Name');
  const kindLabelId = useId();
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const empty = ref.trim() === '';

  return (
    <Box
      component="form"
      noValidate
      aria-label="Open an app by name or id"
      onSubmit={async (event) => {
        event.preventDefault();
        setTouched(true);
        if (empty || pending) return;
        setPending(true);
        setError(null);
        try {
          onOpen(await queryClient.fetchQuery({ ...appQueries.lookup(ref.trim(), kind), retry: false }));
        } catch (e) {
          setError(e);
        } finally {
          setPending(false);
        }
      }}
    >
      <Stack spacing={1}>
        {/* The choice first: it says what the field below takes. */}
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 1.5 }} sx={{ alignItems: { sm: 'center' } }}>
          <FormLabel id={kindLabelId}>Look the app up</FormLabel>
          <RadioGroup row aria-labelledby={kindLabelId} value={kind} onChange={(e) => setKind(e.target.value as AppIdentifierType)}>
            <FormControlLabel value="Name" control={<Radio size="small" />} label="by name" />
            <FormControlLabel value="Identifier" control={<Radio size="small" />} label="by id" />
          </RadioGroup>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
          <TextField
            label={kind === 'Name' ? 'App name' : 'App id'}
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            onBlur={() => setTouched(true)}
            error={touched && empty}
            helperText={touched && empty ? `Enter the app’s ${kind === 'Name' ? 'name' : 'id'}` : ' '}
            size="small"
            sx={{ flex: 1 }}
            slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
          />
          <Button type="submit" variant="outlined" disabled={pending}>
            {pending ? 'Opening…' : 'Open app'}
          </Button>
        </Stack>
        {error ? <ErrorAlert error={error} title={lookupTitle(error, kind)} /> : null}
      </Stack>
    </Box>
  );
}
