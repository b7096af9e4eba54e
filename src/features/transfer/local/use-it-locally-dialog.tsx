import { useId, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { environmentName } from '@/lib/environment-name';
import { MONOSPACE_STACK } from '@/lib/fonts';
import { cliApiEndpoint, localCommands, needsIdentifier, shellQuote, type LocalCommand, type LocalCommandInput } from './local-commands';

export type UseItLocallyDialogProps = Omit<LocalCommandInput, 'command'> & {
  open: boolean;
  onClose: () => void;
};

const INSTALL_GUIDE = 'https://github.com/commandk-dev/cli#download-and-install';
const DEFAULT_COMMAND = 'npm start';

/** Inline code in running text. */
function Code({ children }: { children: ReactNode }) {
  return (
    <Box component="code" sx={{ fontFamily: MONOSPACE_STACK, fontSize: '0.875em', overflowWrap: 'anywhere' }}>
      {children}
    </Box>
  );
}

type CopyState = { id: string; line: string; ok: boolean } | null;

/** One command: its title, a Copy button and the line itself, wrapped (never scrolled sideways) on a narrow screen. */
function CommandBlock({ command, copied, onCopy }: { command: LocalCommand; copied: CopyState; onCopy: (command: LocalCommand) => void }) {
  const titleId = useId();
  // The feedback belongs to the line that was copied: editing the command clears it.
  const feedback = copied?.id === command.id && copied.line === command.line ? (copied.ok ? 'Copied' : 'Could not copy: select the line and copy it') : '';
  return (
    <Box component="section" aria-labelledby={titleId}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5, flexWrap: 'wrap' }}>
        <Typography id={titleId} variant="subtitle2" component="h3" sx={{ flex: '1 1 12rem', minWidth: 0 }}>
          {command.title}
        </Typography>
        <Typography role="status" variant="caption" color={copied?.ok === false ? 'error' : 'success'}>
          {feedback}
        </Typography>
        <Button size="small" variant="outlined" aria-label={command.copyLabel} onClick={() => onCopy(command)}>
          Copy
        </Button>
      </Stack>
      <Box
        component="pre"
        sx={{
          m: 0,
          p: 1.5,
          borderRadius: 1,
          bgcolor: 'action.hover',
          fontFamily: MONOSPACE_STACK,
          fontSize: '0.8125rem',
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        <code>{command.line}</code>
      </Box>
    </Box>
  );
}

/**
 * "Use it locally": the exact `cmdk` commands that fetch this app's secrets in this environment on a
 * teammate's computer, with how to install the CLI and give it a token. The lines hold no secret.
 */
export function UseItLocallyDialog({ open, onClose, ...input }: UseItLocallyDialogProps) {
  const [command, setCommand] = useState(DEFAULT_COMMAND);
  const [copied, setCopied] = useState<CopyState>(null);
  const commands = localCommands({ ...input, command });
  const endpointUnknown = cliApiEndpoint(input.apiEndpoint).kind === 'unknown';
  const byId = needsIdentifier(input.appName, input.nameIsAmbiguous);
  const envName = environmentName(input.environment);

  const copy = async ({ id, line }: LocalCommand) => {
    try {
      await navigator.clipboard.writeText(line);
      setCopied({ id, line, ok: true });
    } catch {
      // No clipboard here (an insecure context, a denied permission): the line stays selectable.
      setCopied({ id, line, ok: false });
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" scroll="paper">
      <DialogTitle>Use it locally</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <DialogContentText>
            Run {input.appName} on your computer with the secrets of {envName}: the service&apos;s command-line tool, <Code>cmdk</Code>, fetches
            them for you, so there is nothing to copy by hand.
          </DialogContentText>
          <Box component="ol" sx={{ m: 0, pl: 3, '& > li + li': { mt: 1 } }}>
            <li>
              Install the CLI: follow its <Link href={INSTALL_GUIDE} target="_blank" rel="noreferrer">install guide</Link> (on a Mac:{' '}
              <Code>brew tap commandk-dev/packages</Code> then <Code>brew install cmdk-cli</Code>).
            </li>
            <li>
              Sign in: the CLI has no login command. Create an API token with the Read scope (Settings → API Access in the service&apos;s
              dashboard) and put it in <Code>~/.commandk.config.json</Code> as <Code>{'{"api-access-token": "<your token>"}'}</Code>, or
              set <Code>CMDK_API_ACCESS_TOKEN</Code>.
            </li>
            <li>In your project&apos;s folder, run one of the commands below.</li>
          </Box>
          {endpointUnknown ? (
            <Alert severity="info">
              Add <Code>--api-endpoint &lt;your API URL&gt;</Code> right after <Code>cmdk</Code> if your team does not use the hosted service.
            </Alert>
          ) : null}
          {byId ? (
            <Typography variant="body2">The commands name the app by its id ({input.appId}): its name does not identify it for the CLI.</Typography>
          ) : (
            <Typography variant="body2">
              A token limited to some apps needs the app&apos;s id instead of its name: put <Code>{`${shellQuote(input.appId)} --identifier-type Identifier`}</Code>{' '}
              in place of the name.
            </Typography>
          )}
          <TextField
            label="Command to run"
            value={command}
            onChange={(event) => setCommand(event.target.value)}
            helperText="What you start your app with; it runs with the secrets as environment variables."
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off', style: { fontFamily: MONOSPACE_STACK } } }}
          />
          {commands.map((entry) => (
            <CommandBlock key={entry.id} command={entry} copied={copied} onCopy={(c) => void copy(c)} />
          ))}
          <Typography variant="body2" color="text.secondary">
            A file written by <Code>cmdk secrets get</Code> holds the values in clear: keep it out of version control and delete it when you
            are done.
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
