import { useId } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { readRuntimeConfig } from '@/config/runtime-config';
import { countOf } from '@/lib/counts';
import type { TimeoutWarning as Warning } from '../use-session-timeout';

/** When the session ends, said once as the warning opens (it may open late in a background tab). */
function inHowLong(endsAt: number): string {
  return endsAt - Date.now() >= 45_000 ? 'in about a minute' : 'in less than a minute';
}

export interface TimeoutWarningProps {
  warning: Warning;
  /** The dialogs whose typed input the end of the session would discard. */
  unsavedNames: readonly string[];
  onStay: () => void;
  onAcknowledge: () => void;
  onSignOut: () => void;
}

/**
 * "Still there?" a minute before the idle timeout (Stay signed in starts it over), or "Your
 * session ends soon" before the absolute one (nothing postpones it). Escape and the backdrop do
 * nothing: only an answer, or the timeout, closes it.
 */
export function TimeoutWarning({ warning, unsavedNames, onStay, onAcknowledge, onSignOut }: TimeoutWarningProps) {
  const titleId = useId();
  const textId = useId();
  const config = readRuntimeConfig();
  const idle = warning.reason === 'idle';
  const why = idle
    ? `sessions end after ${countOf(config.idleTimeoutMinutes, 'minute')} without activity`
    : `sessions last at most ${countOf(config.absoluteTimeoutHours, 'hour')}`;
  return (
    <Dialog open role="alertdialog" aria-labelledby={titleId} aria-describedby={textId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{idle ? 'Still there?' : 'Your session ends soon'}</DialogTitle>
      <DialogContent id={textId}>
        <DialogContentText>
          You will be signed out {inHowLong(warning.endsAt)}: {why}.
        </DialogContentText>
        {unsavedNames.map((name, index) => (
          <DialogContentText key={`${index}-${name}`} sx={{ mt: 1 }}>
            What you typed in “{name}” will be discarded.
          </DialogContentText>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onSignOut}>Sign out</Button>
        <Button onClick={idle ? onStay : onAcknowledge} variant="contained" autoFocus>
          {idle ? 'Stay signed in' : 'Continue'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
