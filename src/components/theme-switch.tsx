import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import { DarkModeIcon, LightModeIcon } from './icons';

/** The scheme shown now (the system's when following it), the other one, and a switch to it. */
export function useThemeToggle(): { next: 'light' | 'dark'; toggle: () => void } {
  const { mode, systemMode, setMode } = useColorScheme();
  const effective = mode === 'system' || !mode ? systemMode : mode;
  const next = effective === 'dark' ? 'light' : 'dark';
  return { next, toggle: () => setMode(next) };
}

/** Light/dark toggle for the app bar: it names the scheme it switches to. */
export function ThemeSwitch() {
  const { next, toggle } = useThemeToggle();
  const label = `Switch to ${next} theme`;
  return (
    // A native title, not MUI's Tooltip: Popper would weigh ~10 KB on every first page.
    <IconButton color="inherit" aria-label={label} title={label} onClick={toggle}>
      {next === 'light' ? <LightModeIcon /> : <DarkModeIcon />}
    </IconButton>
  );
}
