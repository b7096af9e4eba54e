import type { Ref } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';
import { SearchIcon } from './icons';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  helperText?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** e.g. '/' when a key focuses the field. */
  keyShortcuts?: string;
  sx?: SxProps<Theme>;
}

/** A labelled search box (small outlined TextField with a search icon); no spell-check, no autofill. */
export function SearchField({ label, value, onChange, helperText, inputRef, keyShortcuts, sx }: SearchFieldProps) {
  return (
    <TextField
      label={label}
      type="search"
      size="small"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      helperText={helperText}
      inputRef={inputRef}
      sx={sx}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
        htmlInput: { spellCheck: false, autoComplete: 'off', 'aria-keyshortcuts': keyShortcuts },
      }}
    />
  );
}
