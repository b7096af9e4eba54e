import Alert from '@mui/material/Alert';

/** Why the write controls are disabled, and how to enable them: sign in again with a Write token too. */
export function ReadOnlyNotice() {
  return (
    <Alert severity="info" variant="outlined">
      Read only: your token lists and reveals secrets but cannot change them. To create secrets or set values, sign out
      and sign in again with your token and a Write token.
    </Alert>
  );
}
