import { Suspense, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { Environment } from '@/api/contract';
import { useCanWrite } from '@/api/use-can-write';
import { usePageCommand } from '@/lib/page-commands';

export type TransferAction = 'import' | 'export' | 'local';

const TRANSFER_LABELS: Readonly<Record<TransferAction, string>> = { import: 'Import', export: 'Export', local: 'Use it locally' };

/** What the host (loaded on first use) shows: the narrow layout's menu, or the chosen action's dialog. */
export interface TransferHostProps {
  open: TransferAction | null;
  menuAnchor: HTMLElement | null;
  actions: readonly { action: TransferAction; label: string; disabled: boolean }[];
  onChoose: (action: TransferAction) => void;
  onCloseMenu: () => void;
  onClose: () => void;
}

export interface TransferActionsProps {
  environments: readonly Environment[];
  /** The environment shown (the secrets page); undefined on the overview, which offers Import only. */
  envId: string | undefined;
  /** Renders the host (the route lazy-loads it: the dialogs and the reads and writes they use). */
  renderHost: (props: TransferHostProps) => ReactNode;
}

/**
 * Import, Export and "Use it locally" for the toolbar: buttons on wide screens, a "More" menu on
 * narrow ones when there is more than one (both are rendered; CSS shows one). Nothing else loads
 * before one of them is used.
 */
export function TransferActions({ environments, envId, renderHost }: TransferActionsProps) {
  const canWrite = useCanWrite();
  const [open, setOpen] = useState<TransferAction | null>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const shown = environments.some((env) => env.id === envId);
  const actions: TransferAction[] = shown ? ['import', 'export', 'local'] : ['import'];
  const narrowMenu = actions.length > 1;
  const enabled = (action: TransferAction) => action !== 'import' || (canWrite && environments.length > 0);
  usePageCommand('import', enabled('import'), () => setOpen('import'));
  usePageCommand('export', shown, () => setOpen('export'));
  usePageCommand('use-locally', shown, () => setOpen('local'));

  return (
    <>
      {actions.map((action) => (
        <Button key={action} variant="outlined" disabled={!enabled(action)} onClick={() => setOpen(action)} sx={{ minHeight: 40, display: narrowMenu ? { xs: 'none', md: 'inline-flex' } : 'inline-flex', whiteSpace: 'nowrap' }}>
          {TRANSFER_LABELS[action]}
        </Button>
      ))}
      <Box sx={{ display: narrowMenu ? { xs: 'block', md: 'none' } : 'none' }}>
        <Button variant="outlined" aria-haspopup="menu" aria-expanded={menuAnchor ? true : undefined} onClick={(event) => setMenuAnchor(event.currentTarget)} sx={{ minHeight: 40, width: '100%' }}>
          More
        </Button>
      </Box>
      {open || menuAnchor ? (
        <Suspense fallback={null}>
          {renderHost({
            open,
            menuAnchor,
            actions: actions.map((action) => ({ action, label: TRANSFER_LABELS[action], disabled: !enabled(action) })),
            onChoose: (action) => {
              setMenuAnchor(null);
              setOpen(action);
            },
            onCloseMenu: () => setMenuAnchor(null),
            onClose: () => setOpen(null),
          })}
        </Suspense>
      ) : null}
    </>
  );
}
