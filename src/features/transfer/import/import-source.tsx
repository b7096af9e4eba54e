import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Environment } from '@/api/contract';
import { EnvironmentOptions, SelectField } from '@/components/select-field';
import { countOf } from '@/lib/counts';
import { FORMAT_LABELS } from '../formats/formats';
import { FILE_FORMATS, type FileFormat } from '../formats/types';
import type { ImportSource } from './use-import-source';

/** What the file input accepts: the three formats, and plain text. */
const ACCEPT = '.env,.json,.yaml,.yml,.txt,text/plain,application/json,application/yaml';

/** A visually hidden file input: still focusable, its label drawn as a button. */
const hiddenInput = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  opacity: 0,
} as const;

/** The two selects share the row. */
const FIELD = { flex: 1, minWidth: 0 } as const;

export interface ImportSourceFieldsProps {
  source: ImportSource;
  environments: readonly Environment[];
  envId: string;
  onEnvId: (envId: string) => void;
  /** Keys read from the file (null until parsed). */
  keyCount: number | null;
  /** While a run is on or its results are shown: nothing can change. */
  disabled: boolean;
}

/** Where the secrets come from (pasted text or a file), its format, and the environment they go into. */
export function ImportSourceFields({ source, environments, envId, onEnvId, keyCount, disabled }: ImportSourceFieldsProps) {
  const { file } = source;
  return (
    <Stack spacing={2}>
      {file ? (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {file.name} · {keyCount === null ? 'reading…' : countOf(keyCount, 'key')}
          </Typography>
          <Button size="small" onClick={source.pasteInstead} disabled={disabled}>
            Paste instead
          </Button>
        </Stack>
      ) : (
        <TextField
          label="Paste"
          multiline
          minRows={4}
          maxRows={10}
          value={source.text}
          disabled={disabled}
          onChange={(event) => source.setText(event.target.value)}
          placeholder={'DB_HOST=localhost\nSTRIPE_KEY="sk_test_…"'}
          helperText="A .env file, a flat JSON object or YAML mapping. Values stay in this page until they are sent."
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', 'data-1p-ignore': true }, input: { sx: { fontFamily: 'monospace', fontSize: '0.8125rem' } } }}
        />
      )}
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
        {/* A label that looks like a button (no button role: the file input inside is the control). */}
        <Button
          component="label"
          role={undefined}
          variant="outlined"
          size="small"
          tabIndex={-1}
          disabled={disabled}
          sx={{ '&:has(:focus-visible)': { outline: '2px solid var(--mui-palette-primary-main)', outlineOffset: 2 } }}
        >
          Choose a file
          <Box
            component="input"
            type="file"
            accept={ACCEPT}
            disabled={disabled}
            sx={hiddenInput}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
              const chosen = event.target.files?.[0];
              // Cleared so that choosing the same file again reads it again.
              event.target.value = '';
              if (chosen) source.chooseFile(chosen);
            }}
          />
        </Button>
        <Typography variant="body2" color="text.secondary">
          or drop one here (.env, .json, .yaml)
        </Typography>
      </Box>
      {source.fileError ? <Alert severity="error">{source.fileError}</Alert> : null}
      {source.tooBig ? <Alert severity="error">{source.tooBig}</Alert> : null}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ pt: 1 }}>
        <SelectField
          label="Format"
          value={source.format}
          onChange={(value) => source.setFormat(value as FileFormat)}
          disabled={disabled}
          helper={source.detected ? 'Detected from the file name or the text' : undefined}
          sx={FIELD}
        >
          {FILE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {FORMAT_LABELS[format]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Into environment" value={envId} onChange={onEnvId} disabled={disabled} sx={FIELD}>
          <EnvironmentOptions environments={environments} />
        </SelectField>
      </Stack>
    </Stack>
  );
}
