import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import InputBase from '@mui/material/InputBase';
import List from '@mui/material/List';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { SearchIcon } from '@/components/icons';
import type { PaletteItem } from './palette-model';
import { createPaletteIndex, MAX_RESULTS } from './palette-search';

export interface CommandPaletteProps {
  open: boolean;
  onClose: () => void;
  /** Takes what was typed while the palette loaded: the box starts with it. */
  takeTypedAhead?: () => string;
  /** Everything that can be found. */
  items: readonly PaletteItem[];
  /** Listed while nothing is typed: recent choices first. */
  emptyItems: readonly PaletteItem[];
  /** How many of emptyItems are recent choices. */
  recentCount: number;
  /** Said under the box, e.g. that the environment's keys are still loading. */
  note?: string | null | undefined;
  /** `openPage`: Shift+Enter (or Shift+click) on a key opens its page. */
  onChoose: (item: PaletteItem, options: { openPage: boolean }) => void;
}

/** The options' look: one style rule for the list rather than one per option. */
const OPTION_STYLES: SxProps<Theme> = {
  maxHeight: '55vh',
  overflowY: 'auto',
  px: 1,
  '& [role="option"]': { display: 'flex', alignItems: 'center', gap: 1, px: 2, py: 0.75, borderRadius: 1, cursor: 'pointer', minWidth: 0 },
  '& [role="option"][aria-selected="true"]': { bgcolor: 'action.selected' },
  '& .option-text': { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 },
  '& .option-label, & .option-detail': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', typography: 'body2' },
  '& .option-key': { fontFamily: 'monospace' },
  '& .option-detail, & .option-kind': { color: 'text.secondary' },
  '& .option-kind': { typography: 'caption', flexShrink: 0 },
};

const KIND_LABEL: Readonly<Record<PaletteItem['kind'], string>> = { app: 'App', environment: 'Environment', key: 'Key', action: 'Action' };

/**
 * The ⌘K palette: a combobox and its listbox (the pattern screen readers expect). Focus stays in
 * the box; arrows move the active option, Enter chooses it, Escape closes and focus goes back.
 */
export function CommandPalette({ open, onClose, takeTypedAhead, items, emptyItems, recentCount, note, onChoose }: CommandPaletteProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  // Taken when the box is in the page (from then on it gets the keys itself), not at render: a
  // lazy chunk's render may yield to key events before it commits.
  const takeEarly = useRef(takeTypedAhead);
  useLayoutEffect(() => {
    const early = takeEarly.current?.() ?? '';
    if (early) setQuery((typed) => early + typed);
  }, []);
  const [active, setActive] = useState(0);
  // Prepared once per list of items (on opening, or when the list is refreshed): keystrokes only score.
  const index = useMemo(() => createPaletteIndex(items), [items]);
  // fuzzysort fills some tables of a target on its first search: done once in the background after
  // opening (or a refresh), so that the first keystroke does not pay for it.
  useEffect(() => {
    const warm = setTimeout(() => {
      for (const letter of 'eaiou') index.search(letter);
    }, 0);
    return () => clearTimeout(warm);
  }, [index]);
  const trimmed = query.trim();
  const results = useMemo(() => (trimmed ? index.search(trimmed) : emptyItems.slice(0, MAX_RESULTS)), [index, emptyItems, trimmed]);
  const listRef = useRef<HTMLUListElement>(null);
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));
  const optionId = (index: number) => `${id}-option-${index}`;

  // New results start at the top; arrows keep the active option in view (no layout read per keystroke).
  useEffect(() => {
    const list = listRef.current;
    if (list && list.scrollTop !== 0) list.scrollTop = 0;
  }, [results]);
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const choose = (index: number, openPage: boolean) => {
    const item = results[index];
    if (item) onChoose(item, { openPage });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = results.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (last < 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      moved.current = true;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      choose(activeIndex, event.shiftKey);
    }
  };

  const status = trimmed
    ? results.length === 0
      ? `No results for “${trimmed}”`
      : `${results.length === MAX_RESULTS ? `The best ${MAX_RESULTS}` : results.length} result${results.length === 1 ? '' : 's'}`
    : recentCount > 0
      ? `Your ${recentCount} recent choice${recentCount === 1 ? '' : 's'} first`
      : 'Type to find apps, environments, keys and actions';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${id}-label`}
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' }, '& .MuiDialog-paper': { mt: { xs: 2, sm: '10vh' } } }}
    >
      <Box sx={{ px: 2, pt: 1.5, pb: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Typography component="label" htmlFor={`${id}-input`} id={`${id}-label`} variant="subtitle2" color="text.secondary">
          Search everything
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <SearchIcon fontSize="small" aria-hidden />
          <InputBase
            autoFocus
            fullWidth
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder="Apps, environments, keys, actions"
            inputProps={{
              id: `${id}-input`,
              role: 'combobox',
              'aria-expanded': true,
              'aria-controls': `${id}-listbox`,
              'aria-autocomplete': 'list',
              'aria-activedescendant': results.length > 0 ? optionId(activeIndex) : undefined,
              'aria-describedby': `${id}-status`,
              spellCheck: false,
              autoComplete: 'off',
            }}
            sx={{ fontSize: '1.125rem' }}
          />
        </Box>
      </Box>
      <Typography id={`${id}-status`} role="status" variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
        {status}
        {note ? ` · ${note}` : ''}
      </Typography>
      <List ref={listRef} id={`${id}-listbox`} role="listbox" aria-label="Results" dense sx={OPTION_STYLES}>
        {results.map((item, index) => (
          // Plain elements styled by the list (OPTION_STYLES): 50 MUI list items per keystroke cost more than the ranking.
          <li
            key={item.id}
            role="option"
            id={optionId(index)}
            data-index={index}
            data-kind={item.kind}
            aria-selected={index === activeIndex}
            onMouseMove={() => {
              if (index !== activeIndex) setActive(index);
            }}
            onClick={(event) => choose(index, event.shiftKey)}
          >
            <span className="option-text">
              <span className={item.kind === 'key' ? 'option-label option-key' : 'option-label'}>{item.label}</span>
              {item.detail ? <span className="option-detail">{item.detail}</span> : null}
            </span>
            <span className="option-kind" aria-hidden>
              {KIND_LABEL[item.kind]}
            </span>
          </li>
        ))}
      </List>
      <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 1.5 }}>
        ↑ ↓ to move · Enter to choose · Shift+Enter opens a key’s page · Esc to close
      </Typography>
    </Dialog>
  );
}
