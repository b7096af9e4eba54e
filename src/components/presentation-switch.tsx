import { useEffect } from 'react';
import IconButton from '@mui/material/IconButton';
import { presentationMode, usePresentationMode } from '@/lib/presentation-mode';
import { PresentIcon } from './icons';

/** The shortcut, with modifiers so that typing never triggers it. */
export const PRESENTATION_SHORTCUT = 'Alt+Shift+P';

/** The app bar's switch for presentation mode, and its shortcut. */
export function PresentationSwitch() {
  const on = usePresentationMode();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyP') {
        event.preventDefault();
        presentationMode.set(!presentationMode.get());
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const label = 'Presentation mode';
  return (
    // A native title, not MUI's Tooltip (Popper would weigh on every first page).
    <IconButton
      color="inherit"
      aria-label={label}
      aria-pressed={on}
      aria-keyshortcuts={PRESENTATION_SHORTCUT}
      title={`${label} (${PRESENTATION_SHORTCUT}): ${on ? 'on — previews hidden, nothing can be revealed' : 'off'}`}
      onClick={() => presentationMode.set(!on)}
      sx={on ? { bgcolor: 'rgba(255, 255, 255, 0.2)' } : undefined}
    >
      <PresentIcon />
    </IconButton>
  );
}
