import { createTheme } from '@mui/material/styles';
import type {} from '@mui/material/themeCssVarsAugmentation';
import { SYSTEM_FONT_STACK } from '@/lib/fonts';

/**
 * Where MUI keeps the chosen mode (light, dark or system) and the scheme per mode. The same keys,
 * and the `light`/`dark` class on <html>, are in public/color-scheme.js, which applies the choice
 * before the page is drawn.
 */
export const MODE_STORAGE_KEY = 'secrets-dashboard.theme';
export const COLOR_SCHEME_STORAGE_KEY = 'secrets-dashboard.color-scheme';

/** The system asks for less motion (read once, at load): transitions and ripples off, spinners still. */
const reducedMotion = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const NO_DURATION = { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 };

/**
 * The one theme: system fonts only (no CDN); light and dark schemes as CSS variables
 * (`var(--mui-palette-…)`, selected by the class on <html>); the mode follows the system by default.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    // Warning darker than MUI's orange (#ed6c02: white text on it is 3.1:1, under WCAG's 4.5).
    light: { palette: { primary: { main: '#1e4fd8' }, warning: { main: '#b45309' }, background: { default: '#f6f7fb' } } },
    dark: { palette: { primary: { main: '#8fb0ff' }, background: { default: '#0f1218', paper: '#161a22' } } },
  },
  typography: {
    fontFamily: SYSTEM_FONT_STACK,
  },
  shape: { borderRadius: 8 },
  // Zero durations also end MUI's transition timers (a dialog unmounts at once), not only the CSS.
  ...(reducedMotion ? { transitions: { create: () => 'none', duration: NO_DURATION } } : {}),
  components: {
    ...(reducedMotion ? { MuiButtonBase: { defaultProps: { disableRipple: true } }, MuiSkeleton: { defaultProps: { animation: false } } } : {}),
    // CSS gap instead of `> :not(style) ~ :not(style)` margins: that sibling rule made the browser
    // restyle the whole secrets table on every scroll frame.
    MuiStack: { defaultProps: { useFlexGap: true } },
  },
});
