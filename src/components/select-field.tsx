import { useId, type ReactNode } from 'react';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import type { SxProps, Theme } from '@mui/material/styles';
import type { Environment } from '@/api/contract';
import { environmentName } from '@/lib/environment-name';

export interface SelectFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  /** Said under the field, and describing it. */
  helper?: string | undefined;
  sx?: SxProps<Theme>;
  /** `<option>` elements. */
  children: ReactNode;
}

/**
 * A small outlined native select with its label: the browser's own picker (keyboard and screen
 * readers know it), styled like the other fields. TextField's `select` would bring Menu and Popover.
 */
export function SelectField({ label, value, onChange, disabled = false, helper, sx, children }: SelectFieldProps) {
  const id = useId();
  const helperId = useId();
  return (
    <FormControl size="small" sx={sx}>
      {/* Shrunk: a native select always shows its chosen option. */}
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        input={<OutlinedInput label={label} notched />}
        inputProps={{ id, 'aria-describedby': helper ? helperId : undefined }}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {children}
      </NativeSelect>
      {helper ? <FormHelperText id={helperId}>{helper}</FormHelperText> : null}
    </FormControl>
  );
}

/** One option per environment, by id, named as everywhere else. */
export function EnvironmentOptions({ environments }: { environments: readonly Environment[] }) {
  return environments.map((env) => (
    <option key={env.id} value={env.id}>
      {environmentName(env)}
    </option>
  ));
}
