import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import { DarkModeIcon, LightModeIcon } from './icons';

/** Light/dark toggle for the app bar: it names the scheme it switches to. */
export function ThemeSwitch() {
  const { mode, systemMode, setMode } = useColorScheme();
  const effective = mode === 'system' || !mode ? systemMode : mode;
  const next = effective === 'dark' ? 'light' : 'dark';
  const label = `Switch to ${next} theme`;
  return (
    // A native title, not MUI's Tooltip: Popper would weigh ~10 KB on every first page.
    <IconButton color="inherit" aria-label={label} title={label} onClick={() => setMode(next)}>
      {effective === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
    </IconButton>
  );
}
