import { Fragment } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

/** For the shortcuts sheet: every shortcut, with where it works. */
export const SHORTCUTS: readonly { keys: readonly string[]; label: string; singleKey: boolean }[] = [
  { keys: ['Ctrl+K', '⌘K'], label: 'Search everything: apps, environments, keys and actions', singleKey: false },
  { keys: ['?'], label: 'Show these shortcuts', singleKey: true },
  { keys: ['/'], label: 'Search this page (the palette where a page has no search box)', singleKey: true },
  { keys: ['g', 'a'], label: 'Go to all apps', singleKey: true },
  { keys: ['g', 'o'], label: 'Go to the app’s overview (on an app’s pages)', singleKey: true },
  { keys: ['n'], label: 'New secret (where you may create one)', singleKey: true },
];

function Keys({ keys }: { keys: readonly string[] }) {
  // `g a` is a sequence; Ctrl+K and ⌘K are alternatives.
  const sequence = keys.length === 2 && keys[0] === 'g';
  return (
    <>
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 ? (sequence ? ' then ' : ' or ') : null}
          <Box component="kbd" sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, fontFamily: 'monospace' }}>
            {key}
          </Box>
        </Fragment>
      ))}
    </>
  );
}

/** The `?` sheet: every shortcut, and whether single-key ones are on (Settings turns them off). */
export function ShortcutsSheet({ open, onClose, singleKeys }: { open: boolean; onClose: () => void; singleKeys: boolean }) {
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="shortcuts-title" fullWidth maxWidth="sm">
      <DialogTitle id="shortcuts-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby="shortcuts-title">
          <TableHead>
            <TableRow>
              <TableCell>Keys</TableCell>
              <TableCell>What they do</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {SHORTCUTS.map((shortcut) => (
              <TableRow key={shortcut.label}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Keys keys={shortcut.keys} />
                </TableCell>
                <TableCell>
                  {shortcut.label}
                  {shortcut.singleKey && !singleKeys ? ' (off)' : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Single-key shortcuts never act while you type in a field. {singleKeys ? 'They are on' : 'They are off'}: Settings → Keyboard shortcuts
          turns them {singleKeys ? 'off' : 'on'}.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
