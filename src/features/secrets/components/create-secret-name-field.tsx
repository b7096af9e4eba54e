import type { ClipboardEvent } from 'react';
import { useController, type Control } from 'react-hook-form';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { upperSnakeSuggestion } from '../secret-name';
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
        <Alert
          severity="info"
          // A hint, not an error: polite, so it does not interrupt typing.
          role="status"
          action={
            <Button color="inherit" size="small" onClick={() => onUseSuggestion(suggestion)}>
              Use {suggestion}
            </Button>
          }
        >
          Secret names are usually written in UPPER_SNAKE_CASE.
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
