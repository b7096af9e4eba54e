import { lazy, Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import type { Environment } from '@/api/contract';
import { useCanWrite } from '@/api/use-can-write';
import { countOf } from '@/lib/counts';
import { usePageActions } from '@/lib/page-actions';
import type { CopyValuesApi } from './use-copy-run';

// Loaded when first opened: the overview's first screen does not need it.
const CopyValuesDialog = lazy(() => import('./copy-values-dialog').then((m) => ({ default: m.CopyValuesDialog })));

export interface CopyValuesProps {
  environments: readonly Environment[];
  selected: ReadonlyMap<string, string>;
  api: CopyValuesApi;
}

/**
 * The toolbar's "Copy values" for the selected keys, and its dialog. Disabled without a Write token
 * (the page's read-only notice says why) and until a key is selected.
 */
export function CopyValues({ environments, selected, api }: CopyValuesProps) {
  const canWrite = useCanWrite();
  const [open, setOpen] = useState(false);
  const count = selected.size;
  const enabled = canWrite && count > 0 && environments.length >= 2;
  const label = `Copy values${count > 0 ? ` (${countOf(count, 'key')})` : ''}`;
  usePageActions(enabled ? [{ key: 'copy-values', label, run: () => setOpen(true) }] : []);
  return (
    <>
      <Button
        variant="outlined"
        onClick={() => setOpen(true)}
        disabled={!enabled}
        sx={{ minHeight: 40, whiteSpace: 'nowrap' }}
      >
        {label}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <CopyValuesDialog environments={environments} selected={selected} api={api} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
