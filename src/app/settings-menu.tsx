import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useColorScheme } from '@mui/material/styles';
import { CheckIcon } from '@/components/icons';
import { useToasts } from '@/components/toast-queue';
import { AUTO_HIDE_CHOICES, CLIPBOARD_CLEAR_CHOICES, preferencesStore, usePreferences } from '@/lib/preferences';
import { useSession } from '@/features/session/use-session';

/** Demo only: the fake API back to its seed; every query starts over. */
async function resetDemo(queryClient: ReturnType<typeof useQueryClient>) {
  const { resetDemoData } = await import('../../mocks/browser.ts');
  await resetDemoData();
  await queryClient.resetQueries();
}

const THEMES = [
  { mode: 'system', label: 'Follow the system' },
  { mode: 'light', label: 'Light' },
  { mode: 'dark', label: 'Dark' },
] as const;

const delayLabel = (seconds: number) => (seconds < 60 ? `${seconds} seconds` : `${seconds / 60} minute${seconds === 60 ? '' : 's'}`);

/**
 * One choice of a group: a radio item, its check mark showing the current one. `name` tells apart
 * choices whose text another group repeats (it starts with that text).
 */
function Choice({ checked, onChoose, name, children }: { checked: boolean; onChoose: () => void; name?: string; children: ReactNode }) {
  return (
    <MenuItem role="menuitemradio" aria-checked={checked} aria-label={name} selected={checked} onClick={onChoose}>
      <ListItemIcon>{checked ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
      <ListItemText>{children}</ListItemText>
    </MenuItem>
  );
}

/** The settings menu's content, in labelled groups: loaded when the Settings button is first used. */
export default function SettingsMenu({ id, anchor, onClose }: { id: string; anchor: HTMLElement; onClose: () => void }) {
  const { autoHideSeconds, clipboardClearSeconds, singleKeyShortcuts } = usePreferences();
  const { mode, setMode } = useColorScheme();
  const demo = useSession()?.demo ?? false;
  const queryClient = useQueryClient();
  const toasts = useToasts();
  return (
    <Menu anchorEl={anchor} open onClose={onClose} slotProps={{ list: { id, 'aria-label': 'Settings' } }}>
      <ListSubheader>Hide revealed values after</ListSubheader>
      {AUTO_HIDE_CHOICES.map((seconds) => (
        <Choice
          key={seconds}
          checked={seconds === autoHideSeconds}
          onChoose={() => {
            preferencesStore.set({ autoHideSeconds: seconds });
            onClose();
          }}
        >
          {delayLabel(seconds)}
        </Choice>
      ))}
      <Divider />
      <ListSubheader>Clear copied values after</ListSubheader>
      {CLIPBOARD_CLEAR_CHOICES.map((seconds) => (
        <Choice
          key={seconds}
          checked={seconds === clipboardClearSeconds}
          name={`${delayLabel(seconds)} (clear copied values)`}
          onChoose={() => {
            preferencesStore.set({ clipboardClearSeconds: seconds });
            onClose();
          }}
        >
          {delayLabel(seconds)}
        </Choice>
      ))}
      <Divider />
      <ListSubheader>Theme</ListSubheader>
      {THEMES.map((theme) => (
        <Choice
          key={theme.mode}
          checked={(mode ?? 'system') === theme.mode}
          onChoose={() => {
            setMode(theme.mode);
            onClose();
          }}
        >
          {theme.label}
        </Choice>
      ))}
      <Divider />
      <ListSubheader>Keyboard shortcuts</ListSubheader>
      <MenuItem
        role="menuitemcheckbox"
        aria-checked={singleKeyShortcuts}
        selected={singleKeyShortcuts}
        onClick={() => {
          preferencesStore.set({ singleKeyShortcuts: !singleKeyShortcuts });
          onClose();
        }}
      >
        <ListItemIcon>{singleKeyShortcuts ? <CheckIcon fontSize="small" /> : null}</ListItemIcon>
        <ListItemText secondary="? / g a g o n">Single-key shortcuts</ListItemText>
      </MenuItem>
      {demo ? <Divider /> : null}
      {demo ? <ListSubheader>Demo</ListSubheader> : null}
      {demo ? (
        <MenuItem
          onClick={() => {
            onClose();
            void resetDemo(queryClient).then(() =>
              toasts.show({ message: 'Demo data reset: every app and secret is as it was at the start.', severity: 'success' }),
            );
          }}
        >
          <ListItemIcon />
          <ListItemText>Reset demo data</ListItemText>
        </MenuItem>
      ) : null}
    </Menu>
  );
}
