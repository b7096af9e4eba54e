import { lazy, Suspense, useLayoutEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { SearchIcon } from '@/components/icons';
import { useShortcuts, type ShortcutAction } from '@/features/palette/shortcuts';
import { pageCommands } from '@/lib/page-commands';
import { usePreferences } from '@/lib/preferences';
import { appPath } from './paths';
import type { PaletteOpen } from './palette-root';

// The palette, the shortcuts sheet and what they read: loaded on first use (never on the first page).
const PaletteRoot = lazy(() => import('./palette-root'));

/**
 * What is typed between ⌘K and the palette's box taking focus (its chunk loads on first use), kept
 * for the box rather than lost or taken for shortcuts.
 */
function useTypedAhead(opening: boolean): () => string {
  const typed = useRef('');
  // Before the next key event: a layout effect runs in the same task as the render that opened it.
  useLayoutEffect(() => {
    typed.current = '';
    if (!opening) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Once the palette is there, its box has the keys.
      if (document.querySelector('[role="combobox"]') || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length === 1) typed.current += event.key;
      else if (event.key === 'Backspace') typed.current = typed.current.slice(0, -1);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [opening]);
  return () => {
    const text = typed.current;
    typed.current = '';
    return text;
  };
}

/**
 * The app bar's "Search everything" button and the keyboard shortcuts of every signed-in page:
 * ⌘K / Ctrl+K opens the palette; `?`, `/`, `g a`, `g o` and `n` unless turned off in Settings.
 */
export function PaletteHost({ onSignOut }: { onSignOut: () => void }) {
  const [open, setOpen] = useState<PaletteOpen>(null);
  const { singleKeyShortcuts } = usePreferences();
  const navigate = useNavigate();
  const { appId } = useParams();
  useShortcuts(singleKeyShortcuts, (action: ShortcutAction) => {
    switch (action) {
      case 'palette':
        setOpen((now) => (now === 'palette' ? null : 'palette'));
        return true;
      case 'sheet':
        setOpen('sheet');
        return true;
      case 'search':
        if (!pageCommands.run('focus-search')) setOpen('palette');
        return true;
      case 'apps':
        void navigate('/apps');
        return true;
      case 'overview':
        if (appId === undefined) return false;
        void navigate(appPath(appId));
        return true;
      case 'new-secret':
        return pageCommands.run('new-secret');
    }
  });
  const typedAhead = useTypedAhead(open === 'palette');
  return (
    <>
      <Button
        color="inherit"
        aria-label="Search everything"
        aria-keyshortcuts="Control+K Meta+K"
        title="Search everything (Ctrl+K, ⌘K)"
        onClick={() => setOpen('palette')}
        startIcon={<SearchIcon />}
        sx={{ whiteSpace: 'nowrap', minWidth: 0, '& .MuiButton-startIcon': { mr: { xs: 0, md: 1 } } }}
      >
        <Box component="span" sx={{ display: { xs: 'none', md: 'inline' } }}>
          Search everything
        </Box>
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <PaletteRoot open={open} onOpen={setOpen} onSignOut={onSignOut} takeTypedAhead={typedAhead} />
        </Suspense>
      ) : null}
    </>
  );
}
