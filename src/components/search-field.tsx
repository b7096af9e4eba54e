import { useId, useRef } from 'react';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import OutlinedInput from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import { usePageCommand } from '@/lib/page-commands';
import { usePreferences } from '@/lib/preferences';
import { SearchIcon } from './icons';

export interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * The page's search box: `/` focuses it while single-key shortcuts are on (Settings), and with
   * 'hint' the helper text says so (a keyboard hint: hidden on touch screens).
   */
  pageSearch?: 'hint' | 'silent';
  sx?: SxProps<Theme>;
}

/**
 * A labelled search box (small outlined input with a search icon); no spell-check, no autofill.
 * Built from TextField's parts: TextField itself brings Select, Menu and Modal (~15 KB gzip) to
 * every page that has a search box.
 */
export function SearchField({ label, value, onChange, pageSearch, sx }: SearchFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  usePageCommand('focus-search', pageSearch !== undefined, () => input.current?.focus());
  const { singleKeyShortcuts } = usePreferences();
  const slash = pageSearch !== undefined && singleKeyShortcuts;
  const keyShortcuts = slash ? '/' : undefined;
  const helperText = slash && pageSearch === 'hint' ? 'Press / to search' : undefined;
  const helperId = `${id}-helper`;
  return (
    <FormControl size="small" variant="outlined" sx={sx}>
      <InputLabel htmlFor={id}>{label}</InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputRef={input}
        startAdornment={
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        }
        inputProps={{ spellCheck: false, autoComplete: 'off', 'aria-keyshortcuts': keyShortcuts, 'aria-describedby': helperText ? helperId : undefined }}
      />
      {helperText ? (
        // A keyboard hint: not shown where there is no keyboard to speak of (touch screens).
        <FormHelperText id={helperId} sx={{ '@media (hover: none) and (pointer: coarse)': { display: 'none' } }}>
          {helperText}
        </FormHelperText>
      ) : null}
    </FormControl>
  );
}
