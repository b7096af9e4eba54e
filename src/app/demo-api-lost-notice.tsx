import { useState, useSyncExternalStore } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { demoApiFailures, onDemoApiLost } from '@/lib/demo-api-status';

/**
 * In the demo, when its in-page fake API could not be started again: says so, above any open
 * dialog, with a Reload button (the demo data is kept for the tab). Closed, it comes back with
 * the next request that finds the fake lost.
 */
export function DemoApiLostNotice() {
  const failures = useSyncExternalStore(onDemoApiLost, demoApiFailures);
  const [dismissed, setDismissed] = useState(0);
  return (
    <ConfirmDialog
      open={failures > dismissed}
      title="The demo stopped answering"
      confirmLabel="Reload"
      cancelLabel="Close"
      onConfirm={() => window.location.reload()}
      onCancel={() => setDismissed(failures)}
    >
      The demo&apos;s API runs in this tab and could not be started again, so nothing was sent. Reload the page to start it again;
      the demo data is kept.
    </ConfirmDialog>
  );
}
