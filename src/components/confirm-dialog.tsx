import { useId, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Colour of the confirm button: `error` for destructive choices. */
  tone?: 'primary' | 'error' | 'warning';
  onConfirm: () => void;
  onCancel: () => void;
}

/** A small yes/no question. Escape and the backdrop mean "cancel"; focus starts on cancel. */
export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', tone = 'primary', onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  const textId = useId();
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby={titleId} aria-describedby={children ? textId : undefined} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {children ? (
        <DialogContent>
          <DialogContentText id={textId} component="div">
            {children}
          </DialogContentText>
        </DialogContent>
      ) : null}
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          {cancelLabel}
        </Button>
        <Button onClick={onConfirm} color={tone} variant="contained">
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** "Discard changes?" — asked before closing a form that holds unsaved input. */
export function DiscardChangesDialog({ open, onDiscard, onKeep, children }: { open: boolean; onDiscard: () => void; onKeep: () => void; children: ReactNode }) {
  return (
    <ConfirmDialog open={open} title="Discard changes?" confirmLabel="Discard" cancelLabel="Keep editing" tone="error" onConfirm={onDiscard} onCancel={onKeep}>
      {children}
    </ConfirmDialog>
  );
}

/**
 * The buttons of a dialog's second step before a write into production: Back, and the confirming
 * button (warning colour, focused). While `pending`, both wait and the confirm shows `icon`.
 */
export function ProductionConfirmActions({ confirmLabel, onBack, onConfirm, pending = false, icon }: { confirmLabel: ReactNode; onBack: () => void; onConfirm: () => void; pending?: boolean; icon?: ReactNode }) {
  return (
    <>
      <Button onClick={onBack} disabled={pending}>
        Back
      </Button>
      <Button variant="contained" color="warning" autoFocus disabled={pending} startIcon={icon} onClick={onConfirm}>
        {confirmLabel}
      </Button>
    </>
  );
}
