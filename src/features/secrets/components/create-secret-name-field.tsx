import type { ClipboardEvent } from 'react';
import { useController, type Control } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { upperSnakeSuggestion } from '@/lib/secret-name';
import type { CreateSecretValues } from './create-secret-form';
import { SECRET_INPUT_ATTRIBUTES } from './value-field';

interface NameFieldProps {
  control: Control<CreateSecretValues>;
  locked: boolean;
  disabled: boolean;
  onPaste: (event: ClipboardEvent<HTMLDivElement>) => void;
  onUseSuggestion: (suggestion: string) => void;
  pasteNotice: string | null;
  onDismissPasteNotice: () => void;
}

/** The name, validated as typed, with the UPPER_SNAKE_CASE fix and the KEY=value paste note. */
export function NameField({ control, locked, disabled, onPaste, onUseSuggestion, pasteNotice, onDismissPasteNotice }: NameFieldProps) {
  const { field, fieldState } = useController({ control, name: 'name' });
  const suggestion = locked ? null : upperSnakeSuggestion(field.value);
  const error = fieldState.error?.message;
  return (
    <Stack spacing={1}>
      <TextField
        label="Name"
        required
        autoFocus
        disabled={disabled}
        error={error !== undefined}
        helperText={error ?? 'Letters, digits and _, not starting with a digit. Pasting KEY=value fills the value too.'}
        name={field.name}
        value={field.value}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        onPaste={onPaste}
        slotProps={{ htmlInput: { ...SECRET_INPUT_ATTRIBUTES, style: { fontFamily: MONOSPACE_STACK } } }}
      />
      {suggestion ? (
        // A hint, not an error: polite, so it does not interrupt typing. The button sits under the
        // text, which keeps its width on a narrow screen.
        <Alert severity="info" role="status">
          Secret names are usually written in UPPER_SNAKE_CASE.
          <Box sx={{ mt: 0.5 }}>
            <Button color="inherit" size="small" variant="outlined" onClick={() => onUseSuggestion(suggestion)} sx={{ textTransform: 'none', fontFamily: MONOSPACE_STACK }}>
              Use {suggestion}
            </Button>
          </Box>
        </Alert>
      ) : null}
      {pasteNotice ? (
        <Alert severity="info" role="status" onClose={onDismissPasteNotice}>
          {pasteNotice}
        </Alert>
      ) : null}
    </Stack>
  );
}
