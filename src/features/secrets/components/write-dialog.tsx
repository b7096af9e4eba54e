import { useId, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent, { type DialogContentProps } from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { DiscardChangesDialog, ProductionConfirmActions } from '@/components/confirm-dialog';
import { UnsavedChangesGuard } from '@/components/unsaved-changes-guard';
import { useHoldUnsavedInput } from '@/lib/use-unsaved-input';
import type { WriteFlow } from '../use-write-flow';
import { RenewalNotice } from './renewal-notice';

export interface WriteDialogProps {
  flow: WriteFlow;
  /** Also how the session's timeout warning names the dialog while it holds unsaved input. */
  title: string;
  maxWidth: 'sm' | 'md';
  scroll?: 'paper' | 'body';
  /** The content is a form and this sends it (Enter, the submit button); else buttons act on click. */
  onSubmit?: () => void;
  /** The production confirmation's text, under its title "Set value in …?". */
  confirmation: ReactNode;
  /** What discarding loses; without it nothing typed can be lost and nothing asks before closing. */
  discardText?: ReactNode;
  /** Holds input though nothing typed can be lost (a chosen source): a refused token then asks again over the page. */
  holdsInput?: boolean;
  contentProps?: DialogContentProps;
  /** Under the content and kept there during the confirmation (a live region stays mounted). */
  status?: ReactNode;
  /** The buttons while editing (the confirmation brings its own). */
  actions: ReactNode;
  children: ReactNode;
}

/** The frame of every dialog that writes: the form, the production confirmation and the discard guards of its flow. */
export function WriteDialog({ flow, title, maxWidth, scroll, onSubmit, confirmation, discardText, holdsInput, contentProps, status, actions, children }: WriteDialogProps) {
  const titleId = useId();
  // Only a dialog that can lose input (it has a discard text) holds any.
  useHoldUnsavedInput(title, holdsInput ?? (Boolean(discardText) && flow.dirty));
  const body = (
    <>
      <DialogContent {...contentProps}>
        {flow.confirming !== null ? (
          <Alert severity="warning">
            <AlertTitle>Set value in {flow.confirming}?</AlertTitle>
            {confirmation}
          </Alert>
        ) : (
          <>
            <RenewalNotice renewal={flow.renewal} />
            {children}
          </>
        )}
        {status}
      </DialogContent>
      <DialogActions>
        {flow.confirming !== null ? (
          <ProductionConfirmActions
            confirmLabel={`Set value in ${flow.confirming}`}
            onBack={flow.back}
            onConfirm={flow.confirm}
            pending={flow.pending}
            icon={spinner(flow.pending)}
          />
        ) : (
          actions
        )}
      </DialogActions>
    </>
  );
  return (
    <Dialog open onClose={flow.requestClose} aria-labelledby={titleId} maxWidth={maxWidth} fullWidth scroll={scroll}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      {onSubmit ? (
        // autoComplete off and no login-like fields: nothing here invites a password manager.
        <Box
          component="form"
          noValidate
          autoComplete="off"
          aria-labelledby={titleId}
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
          sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
        >
          {body}
        </Box>
      ) : (
        body
      )}
      {discardText ? (
        <>
          <DiscardChangesDialog open={flow.discarding} onKeep={flow.keepEditing} onDiscard={flow.discard}>
            {discardText}
          </DiscardChangesDialog>
          <UnsavedChangesGuard dirty={flow.dirty} />
        </>
      ) : null}
    </Dialog>
  );
}

export interface WriteActionsProps {
  flow: WriteFlow;
  cancelLabel?: string;
  label: ReactNode;
  pendingLabel: ReactNode;
  /** Nothing to send yet (or it cannot be sent). */
  disabled?: boolean;
  /** The submit button acts on click (a dialog without a form). */
  onClick?: () => void;
}

/** Cancel and the submit button, disabled while the flow is pending; focus returns to submit after it. */
export function WriteActions({ flow, cancelLabel = 'Cancel', label, pendingLabel, disabled = false, onClick }: WriteActionsProps) {
  const { pending, requestClose, submitRef } = flow;
  return (
    <>
      <Button onClick={requestClose} disabled={pending}>
        {cancelLabel}
      </Button>
      <Button
        ref={submitRef}
        type={onClick ? 'button' : 'submit'}
        onClick={onClick}
        variant="contained"
        disabled={pending || disabled || flow.blocked}
        startIcon={spinner(pending)}
      >
        {pending ? pendingLabel : label}
      </Button>
    </>
  );
}

/** The progress mark of a button while its write runs (none otherwise: no empty icon slot). */
export function spinner(pending: boolean): ReactNode {
  return pending ? <CircularProgress size={16} color="inherit" aria-hidden /> : null;
}
