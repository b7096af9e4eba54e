import type { ReactNode } from 'react';
import { Toast } from './ui/toast';

/** A short confirmation after a write ("Saved …"), with an optional action. */
export function SuccessSnackbar({ message, onClose, action, autoHideDuration = 6000 }: { message: ReactNode | null; onClose: () => void; action?: ReactNode; autoHideDuration?: number }) {
  return <Toast severity="success" message={message} onClose={onClose} action={action} autoHideDuration={autoHideDuration} />;
}
