import { Suspense, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { NewSecret } from '../api';
import { lazyThemed } from '@/components/lazy-themed';
import { SuccessSnackbar } from '@/components/success-snackbar';
import { buttonClass } from '@/components/ui/button';
import { Icon } from '@/components/ui/icon';
import type { CreateSecretDialogProps } from './create-secret-dialog';

// The dialog (forms, validation) loads when first opened: it is not on the secrets page's path.
const CreateSecretDialog = lazyThemed(() => import('./create-secret-dialog').then((m) => m.CreateSecretDialog));

/** The "New secret" toolbar button, its dialog, and the note once the secret exists. */
export function NewSecretButton({
  appId,
  environments,
  defaultEnvId,
  secretHref,
}: Omit<CreateSecretDialogProps, 'onClose' | 'onCreated'>) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ secret: NewSecret; message: string } | null>(null);
  return (
    <>
      <button type="button" className={buttonClass({ variant: 'contained' })} onClick={() => setOpen(true)} disabled={environments.length === 0}>
        <Icon name="add" />
        New secret
      </button>
      {open ? (
        <Suspense fallback={null}>
          <CreateSecretDialog
            appId={appId}
            environments={environments}
            defaultEnvId={defaultEnvId}
            secretHref={secretHref}
            onClose={() => setOpen(false)}
            onCreated={(secret, message) => setDone({ secret, message })}
          />
        </Suspense>
      ) : null}
      <SuccessSnackbar
        message={done ? done.message : null}
        onClose={() => setDone(null)}
        autoHideDuration={8000}
        action={
          done ? (
            <RouterLink className={buttonClass({ color: 'inherit', size: 'small' })} to={secretHref(done.secret.id)}>
              Open
            </RouterLink>
          ) : undefined
        }
      />
    </>
  );
}
