import { lazy, Suspense, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useCanWrite } from '@/api/use-can-write';
import type { TransferApi } from './transfer-api';
import type { TransferAction } from './transfer-menu';

// Each dialog, and the narrow layout's menu, loads when first opened: none is on the page's first path.
const ImportDialog = lazy(() => import('./import/import-dialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('./export/export-dialog').then((m) => ({ default: m.ExportDialog })));
const UseItLocallyDialog = lazy(() => import('./local/use-it-locally-dialog').then((m) => ({ default: m.UseItLocallyDialog })));
const TransferMenu = lazy(() => import('./transfer-menu'));

export interface TransferActionsProps {
  api: TransferApi;
  /** The environment shown (the secrets page); undefined on the overview, which offers Import only. */
  envId: string | undefined;
  /** Whether another app has the same name: the CLI is then given the app's id. */
  nameIsAmbiguous: boolean;
}

const LABELS: Record<TransferAction, string> = { import: 'Import', export: 'Export', local: 'Use it locally' };

/**
 * Import, Export and "Use it locally" for the toolbar: buttons on wide screens, a "More" menu on
 * narrow ones (both are rendered; CSS shows one), and the dialog of the one chosen.
 */
export function TransferActions({ api, envId, nameIsAmbiguous }: TransferActionsProps) {
  const canWrite = useCanWrite();
  const [open, setOpen] = useState<TransferAction | null>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const environment = api.environments.find((env) => env.id === envId);
  const actions: TransferAction[] = environment ? ['import', 'export', 'local'] : ['import'];
  // A menu only when it would hold more than one action.
  const narrowMenu = actions.length > 1;
  const enabled = (action: TransferAction) => action !== 'import' || (canWrite && api.environments.length > 0);
  const close = () => setOpen(null);

  return (
    <>
      {actions.map((action) => (
        <Button key={action} variant="outlined" disabled={!enabled(action)} onClick={() => setOpen(action)} sx={{ minHeight: 40, display: narrowMenu ? { xs: 'none', md: 'inline-flex' } : 'inline-flex', whiteSpace: 'nowrap' }}>
          {LABELS[action]}
        </Button>
      ))}
      <Box sx={{ display: narrowMenu ? { xs: 'block', md: 'none' } : 'none' }}>
        <Button variant="outlined" aria-haspopup="menu" aria-expanded={menuAnchor ? true : undefined} onClick={(event) => setMenuAnchor(event.currentTarget)} sx={{ minHeight: 40, width: '100%' }}>
          More
        </Button>
      </Box>
      <Suspense fallback={null}>
        {menuAnchor ? (
          <TransferMenu
            anchor={menuAnchor}
            actions={actions.map((action) => ({ action, label: LABELS[action], disabled: !enabled(action) }))}
            onChoose={(action) => {
              setMenuAnchor(null);
              setOpen(action);
            }}
            onClose={() => setMenuAnchor(null)}
          />
        ) : null}
        {open === 'import' ? <ImportDialog api={api} envId={envId} onClose={close} /> : null}
        {open === 'export' && envId ? <ExportDialog api={api} envId={envId} onClose={close} /> : null}
        {open === 'local' && environment ? (
          <UseItLocallyDialog
            open
            onClose={close}
            appId={api.appId}
            appName={api.appName}
            nameIsAmbiguous={nameIsAmbiguous}
            environment={environment}
            apiEndpoint={api.apiEndpoint}
          />
        ) : null}
      </Suspense>
    </>
  );
}
