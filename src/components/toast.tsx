import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import IconButton from '@mui/material/IconButton';
import Snackbar from '@mui/material/Snackbar';
import { CloseIcon } from './icons';

export interface ToastProps {
  /** null: nothing shown. */
  message: string | null;
  onClose: () => void;
  /** The toast hides itself after this long (ms); hovering or focusing it pauses the timer. */
  autoHideDuration?: number;
  /** 'neutral' is an informational note; errors and warnings are alerts. */
  severity?: 'neutral' | 'success' | 'warning' | 'error';
  action?: ReactNode;
}

/**
 * A short note at the bottom of the window (MUI Snackbar + Alert, the standard variant: its
 * colours meet contrast in both schemes, the filled ones do not) with a Close button; Escape
 * closes it too, a click elsewhere does not. It sits in a polite live region that stays in the
 * page, so a note that appears is announced; errors and warnings are alerts. A new message starts
 * a new note (and a full timer).
 */
export function Toast({ message, onClose, autoHideDuration = 6000, severity = 'neutral', action }: ToastProps) {
  // The note shown last: it stays in the toast while it slides out, and a new one remounts it.
  const [shown, setShown] = useState({ message, count: 0 });
  if (message !== null && message !== shown.message) setShown({ message, count: shown.count + 1 });
  const alert = severity === 'error' || severity === 'warning';
  return (
    <div aria-live="polite">
      <Snackbar
        key={shown.count}
        open={message !== null}
        autoHideDuration={autoHideDuration}
        resumeHideDuration={autoHideDuration}
        onClose={(_event, reason) => {
          if (reason !== 'clickaway') onClose();
        }}
      >
        <Alert
          severity={severity === 'neutral' ? 'info' : severity}
          role={alert ? 'alert' : 'status'}
          action={
            <>
              {action}
              <IconButton color="inherit" size="small" aria-label="Close" title="Close" onClick={onClose}>
                <CloseIcon fontSize="small" />
              </IconButton>
            </>
          }
          sx={{ width: '100%', boxShadow: 6 }}
        >
          {shown.message}
        </Alert>
      </Snackbar>
    </div>
  );
}
