import { useLayoutEffect, useRef, useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import type { RenderedSecret } from '@/api/contract';
import type { RevealState } from '../use-revealed-values';
import { SecretRow, type SecretRowActions } from './secret-row';

const ROW_HEIGHT = 52;
export const GRID_COLUMNS = { xs: 'minmax(0, 1fr) auto', sm: 'minmax(160px, 2fr) minmax(0, 3fr) auto' } as const;

export interface SecretsTableProps extends SecretRowActions {
  secrets: readonly RenderedSecret[];
  stateOf: (key: string) => RevealState;
  caption: string;
}

/**
 * A virtualized table: only the rows in view (plus a few) are in the DOM, whatever the count.
 * Rows grow when a value is revealed (measured), and the page scroll is the list's scroll.
 */
export function SecretsTable({ secrets, stateOf, caption, ...actions }: SecretsTableProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(bodyRef.current?.offsetTop ?? 0);
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: secrets.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin,
    getItemKey: (index) => secrets[index]?.secretId ?? index,
  });
  const items = virtualizer.getVirtualItems();

  const rowSx = {
    display: 'grid',
    gridTemplateColumns: GRID_COLUMNS,
    gap: 2,
    alignItems: 'center',
    px: 2,
    borderBottom: 1,
    borderColor: 'divider',
  } as const;

  return (
    <Paper variant="outlined" role="table" aria-label={caption} aria-rowcount={secrets.length + 1}>
      <Box role="rowgroup">
        <Box role="row" aria-rowindex={1} sx={{ ...rowSx, py: 1, typography: 'subtitle2', color: 'text.secondary' }}>
          <Box role="columnheader">Key</Box>
          <Box role="columnheader" sx={{ display: { xs: 'none', sm: 'block' } }}>
            Value
          </Box>
          <Box role="columnheader" sx={{ textAlign: 'right' }}>
            Actions
          </Box>
        </Box>
      </Box>
      <Box role="rowgroup" ref={bodyRef} sx={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const secret = secrets[item.index];
          if (!secret) return null;
          return (
            <Box
              key={item.key}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              ref={virtualizer.measureElement}
              sx={{
                ...rowSx,
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                minHeight: ROW_HEIGHT,
                py: 0.75,
                gridTemplateColumns: { xs: 'minmax(0, 1fr) auto', sm: GRID_COLUMNS.sm },
                '& > [role=cell]:nth-of-type(2)': { gridColumn: { xs: '1 / -1', sm: 'auto' }, gridRow: { xs: 2, sm: 'auto' } },
              }}
              style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            >
              <SecretRow secret={secret} reveal={stateOf(secret.key)} {...actions} />
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
