import { lazy, Suspense } from 'react';
import { useToasts } from '@/components/toast-queue';
import type { SetValueDialogProps, SetValueTarget } from './set-value-dialog';

// The dialog loads when first opened: it is not on the secrets page's path.
const SetValueDialog = lazy(() => import('./set-value-dialog').then((m) => ({ default: m.SetValueDialog })));

/** Hosts the dialog for whichever secret is being edited, and announces a save once it closes. */
export function SetValueHost({
  target,
  onClose,
  ...props
}: Omit<SetValueDialogProps, 'target' | 'onSaved'> & { target: SetValueTarget | null }) {
  const toasts = useToasts();
  const onSaved = (message: string) => toasts.show({ message, severity: 'success' });
  return (
    <>
      {target ? (
        <Suspense fallback={null}>
          <SetValueDialog key={`${target.secretId}/${target.environment.id}`} target={target} onClose={onClose} onSaved={onSaved} {...props} />
        </Suspense>
      ) : null}
    </>
  );
}
