import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Snackbar from '@mui/material/Snackbar';
import { CloseIcon } from './icons';

/** How long a note stays (ms) unless it says otherwise. */
export const DEFAULT_TOAST_DURATION = 6000;

export interface ToastNote {
  message: string;
  /** The toast hides itself after this long (ms); hovering or focusing it pauses the timer. */
  autoHideDuration?: number | undefined;
  /** 'neutral' is an informational note; errors and warnings are alerts. */
  severity?: 'neutral' | 'success' | 'warning' | 'error' | undefined;
  /** E.g. a link to what the note is about; using it closes the note. */
  action?: ReactNode;
}

export interface ToastProps extends Omit<ToastNote, 'message'> {
  /** null: nothing shown. */
  message: string | null;
  /** Tells notes with the same message apart: a new id is a new note. */
  noteId?: number | undefined;
  onClose: () => void;
  /** Once a closed note has slid out. */
  onExited?: (() => void) | undefined;
}

/**
 * A short note at the bottom of the window (MUI Snackbar + Alert, the standard variant: its
 * colours meet contrast in both schemes, the filled ones do not) with a Close button; Escape
 * closes it too, a click elsewhere does not. It sits in a polite live region that stays in the
 * page, so a note that appears is announced; errors and warnings are alerts. A new message (or
 * id) starts a new note (and a full timer). The app shows notes through the queue (toast-queue.tsx).
 */
export function Toast({ message, noteId, onClose, onExited, autoHideDuration = DEFAULT_TOAST_DURATION, severity = 'neutral', action }: ToastProps) {
  // The note shown last: it stays in the toast, as it was, while it slides out; a new one remounts it.
  const [shown, setShown] = useState({ message, noteId, severity, action, count: 0 });
  if (message !== null && (message !== shown.message || noteId !== shown.noteId || severity !== shown.severity || action !== shown.action)) {
    const fresh = message !== shown.message || noteId !== shown.noteId;
    setShown({ message, noteId, severity, action, count: shown.count + (fresh ? 1 : 0) });
  }
  const alert = shown.severity === 'error' || shown.severity === 'warning';
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
        // Always a function: MUI composes a handler with its own, but an undefined one replaces it.
        slotProps={{ transition: { onExited: () => onExited?.() } }}
      >
        <Alert
          severity={shown.severity === 'neutral' ? 'info' : shown.severity}
          role={alert ? 'alert' : 'status'}
          action={
            <>
              {shown.action ? (
                <Box component="span" onClick={onClose} sx={{ display: 'contents' }}>
                  {shown.action}
                </Box>
              ) : null}
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
