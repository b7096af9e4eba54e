import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { Renewal } from '../use-renewal-after-write';

/** In a write dialog after re-authentication: the input is as it was, and whether it can be sent again. */
export function RenewalNotice({ renewal }: { renewal: Renewal | null }) {
  if (renewal === null) return null;
  if (renewal.state === 'gone') {
    return (
      <Alert severity="error" role="alert" sx={{ mb: 2 }}>
        <AlertTitle>Signed in again, but this can no longer be saved</AlertTitle>
        {renewal.message} What you typed was not sent.
      </Alert>
    );
  }
  return (
    <Alert severity="info" role="status" sx={{ mb: 2 }}>
      <AlertTitle>Your session was renewed</AlertTitle>
      {renewal.state === 'checking'
        ? 'Checking that the app and environment still exist…'
        : 'What you typed is as you left it and has not been saved yet: send it again to save it.'}
    </Alert>
  );
}
