import { useUnsavedChangesGuard } from '@/lib/use-unsaved-changes-guard';
import { ConfirmDialog } from './confirm-dialog';

/** Asks before a navigation drops unsaved input (render it only where that input lives). */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const blocker = useUnsavedChangesGuard(dirty);
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave with unsaved changes?"
      confirmLabel="Leave"
      cancelLabel="Stay"
      tone="error"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      What you typed has not been saved and will be lost.
    </ConfirmDialog>
  );
}
