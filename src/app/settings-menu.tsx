import { useQueryClient } from '@tanstack/react-query';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useColorScheme } from '@mui/material/styles';
import { AUTO_HIDE_CHOICES, preferencesStore, usePreferences } from '@/lib/preferences';
import { useSession } from '@/features/session/use-session';

/** Demo only: the fake API back to its seed; every query starts over. */
async function resetDemo(queryClient: ReturnType<typeof useQueryClient>) {
  const { resetDemoData } = await import('../../mocks/browser.ts');
  await resetDemoData();
  await queryClient.resetQueries();
}

/** The settings menu's content: loaded when the Settings button is first used. */
export default function SettingsMenu({ id, anchor, onClose }: { id: string; anchor: HTMLElement; onClose: () => void }) {
  const { autoHideSeconds } = usePreferences();
  const { mode, setMode } = useColorScheme();
  const demo = useSession()?.demo ?? false;
  const queryClient = useQueryClient();
  return (
    <Menu anchorEl={anchor} open onClose={onClose} slotProps={{ list: { id, 'aria-label': 'Settings' } }}>
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
      <Divider />
      <MenuItem
        selected={mode === 'system'}
        onClick={() => {
          setMode('system');
          onClose();
        }}
      >
        Theme: follow the system
      </MenuItem>
      {demo ? <Divider /> : null}
      {demo ? (
        <MenuItem
          onClick={() => {
            onClose();
            void resetDemo(queryClient);
          }}
        >
          Reset demo data
        </MenuItem>
      ) : null}
    </Menu>
  );
}
