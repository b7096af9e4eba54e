import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import { AddIcon } from '@/components/icons';
import { Toast } from '@/components/toast';
import type { NewSecret } from '../api';
import type { CreateSecretDialogProps } from './create-secret-dialog';

// The dialog (forms, validation) loads when first opened: it is not on the secrets page's path.
const CreateSecretDialog = lazy(() => import('./create-secret-dialog').then((m) => ({ default: m.CreateSecretDialog })));

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
      <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)} disabled={environments.length === 0} sx={{ minHeight: 40 }}>
        New secret
      </Button>
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
      <Toast
        severity="success"
        message={done ? done.message : null}
        onClose={() => setDone(null)}
        autoHideDuration={8000}
        action={
          done ? (
            <Button color="inherit" size="small" component={RouterLink} to={secretHref(done.secret.id)}>
              Open
            </Button>
          ) : undefined
        }
      />
    </>
  );
}
