import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useColorScheme } from '@mui/material/styles';
import { AUTO_HIDE_CHOICES, preferencesStore, usePreferences } from '@/lib/preferences';

/** The settings menu's content: loaded when the Settings button is first used. */
export default function SettingsMenu({ anchor, onClose }: { anchor: HTMLElement; onClose: () => void }) {
  const { autoHideSeconds } = usePreferences();
  const { mode, setMode } = useColorScheme();
  return (
    <Menu anchorEl={anchor} open onClose={onClose}>
      <MenuItem disabled dense>
        Hide revealed values after
      </MenuItem>
      {AUTO_HIDE_CHOICES.map((seconds) => (
        <MenuItem
          key={seconds}
          selected={seconds === autoHideSeconds}
          onClick={() => {
            preferencesStore.set({ autoHideSeconds: seconds });
            onClose();
          }}
        >
          {seconds < 60 ? `${seconds} seconds` : `${seconds / 60} minute${seconds === 60 ? '' : 's'}`}
        </MenuItem>
      ))}
      <MenuItem
        selected={mode === 'system'}
        onClick={() => {
          setMode('system');
          onClose();
        }}
      >
        Theme: follow the system
      </MenuItem>
    </Menu>
  );
}
