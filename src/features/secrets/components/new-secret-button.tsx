import { lazy, Suspense, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import Button from '@mui/material/Button';
import { AddIcon } from '@/components/icons';
import { useToasts } from '@/components/toast-queue';
import { useCanWrite } from '@/api/use-can-write';
import { usePageCommand } from '@/lib/page-commands';
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
  onCreated,
}: Omit<CreateSecretDialogProps, 'onClose' | 'onCreated'> & { onCreated?: (secret: NewSecret) => void }) {
  const [open, setOpen] = useState(false);
  const canWrite = useCanWrite();
  const toasts = useToasts();
  const enabled = environments.length > 0 && canWrite;
  usePageCommand('new-secret', enabled, () => setOpen(true));
  const announce = (secret: NewSecret, message: string) => {
    onCreated?.(secret);
    toasts.show({
      message,
      severity: 'success',
      autoHideDuration: 8000,
      action: (
        <Button color="inherit" size="small" component={RouterLink} to={secretHref(secret.id)}>
          Open
        </Button>
      ),
    });
  };
  return (
    <>
      <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen(true)} disabled={!enabled} sx={{ minHeight: 40 }}>
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
            onCreated={announce}
          />
        </Suspense>
      ) : null}
    </>
  );
}
