import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';

/** A short confirmation after a write ("Saved …"), with an optional action. */
export function SuccessSnackbar({ message, onClose, action, autoHideDuration = 6000 }: { message: ReactNode | null; onClose: () => void; action?: ReactNode; autoHideDuration?: number }) {
  return (
    <Snackbar open={message !== null} onClose={onClose} autoHideDuration={autoHideDuration}>
      <Alert severity="success" variant="filled" onClose={onClose} action={action}>
        {message}
      </Alert>
    </Snackbar>
  );
}
