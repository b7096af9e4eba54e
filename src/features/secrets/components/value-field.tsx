import { forwardRef, useId, useState, type ClipboardEventHandler } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { VisibilityIcon, VisibilityOffIcon } from '@/components/icons';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { valueSizeError, valueWhitespaceWarning } from '@/lib/secret-name';

/**
 * Attributes that keep browsers and password managers away from a secret value: no autofill,
 * no saving, no spell-check (which can send text to a server), no autocorrect.
 */
export const SECRET_INPUT_ATTRIBUTES = {
  autoComplete: 'off',
  autoCorrect: 'off',
  autoCapitalize: 'off',
  spellCheck: false,
  'data-1p-ignore': true,
  'data-lpignore': 'true',
  'data-bwignore': 'true',
  'data-form-type': 'other',
} as const;

export interface ValueFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onPaste?: ClipboardEventHandler<HTMLDivElement>;
  name?: string;
  disabled?: boolean;
  /** Shown under the field (e.g. "Saved" or why it failed). */
  helperText?: string | undefined;
  error?: boolean;
  autoFocus?: boolean;
  /** Starts shown instead of masked. */
  defaultShown?: boolean;
}

/** Past this many characters a masked value is hidden whole rather than disc by disc. */
export const MASK_PER_CHARACTER_UP_TO = 10_000;

/**
 * A multi-line secret value: masked by default (a textarea drawn with discs, so several lines work;
 * blurred where `-webkit-text-security` is not supported), with a show/hide toggle. The text is
 * kept exactly as typed; leading/trailing whitespace is pointed out with a one-click "Trim it", and
 * a value past the service's size limit is an error (the dialogs do not send it). A fixed height the
 * user can drag taller: autosizing measured the whole text again on every keystroke.
 */
export const ValueField = forwardRef<HTMLTextAreaElement, ValueFieldProps>(function ValueField(
  { label, value, onChange, onBlur, onPaste, name, disabled, helperText, error, autoFocus, defaultShown = false },
  ref,
) {
  const [shown, setShown] = useState(defaultShown);
  const id = useId();
  const warning = valueWhitespaceWarning(value);
  const tooLarge = valueSizeError(value);
  const toggleLabel = `${shown ? 'Hide' : 'Show'} ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  // Chromium draws a disc per character slowly (a 1 MiB value froze the tab for half a minute):
  // a long masked value is hidden whole instead, and its size said.
  const hiddenWhole = !shown && value.length > MASK_PER_CHARACTER_UP_TO;
  return (
    <Stack spacing={1}>
      <TextField
        id={id}
        label={label}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        onPaste={onPaste}
        disabled={disabled}
        error={error || tooLarge !== null}
        helperText={helperText}
        autoFocus={autoFocus}
        multiline
        rows={4}
        fullWidth
        inputRef={ref}
        slotProps={{
          htmlInput: { ...SECRET_INPUT_ATTRIBUTES, 'data-masked': shown ? 'false' : 'true' },
          // A plain textarea, not MUI's autosizing one.
          input: {
            inputComponent: 'textarea',
            endAdornment: (
              <InputAdornment position="end" sx={{ alignSelf: 'flex-start', mt: 1 }}>
                <Tooltip title={shown ? 'Hide' : 'Show'}>
                  <IconButton aria-label={toggleLabel} aria-pressed={shown} aria-controls={id} onClick={() => setShown((s) => !s)} edge="end" size="small">
                    {shown ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
                  </IconButton>
                </Tooltip>
              </InputAdornment>
            ),
          },
        }}
        sx={{
          '& textarea': {
            resize: 'vertical',
            fontFamily: MONOSPACE_STACK,
            fontSize: '0.875rem',
            ...(shown
              ? {}
              : hiddenWhole
                ? { color: 'transparent' }
                : {
                    WebkitTextSecurity: 'disc',
                    '@supports not (-webkit-text-security: disc)': { filter: 'blur(5px)' },
                  }),
          },
        }}
      />
      {hiddenWhole ? (
        <Typography variant="body2" color="text.secondary">
          {value.length.toLocaleString('en')} characters, hidden. Show the value to see it.
        </Typography>
      ) : null}
      {tooLarge ? <Alert severity="error">{tooLarge}</Alert> : null}
      {warning ? (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => onChange(value.trim())} disabled={disabled}>
              Trim it
            </Button>
          }
        >
          {warning}
        </Alert>
      ) : null}
    </Stack>
  );
});
