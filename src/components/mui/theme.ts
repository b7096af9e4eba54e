import { createTheme } from '@mui/material/styles';
import type {} from '@mui/material/themeCssVarsAugmentation';
// Relative (not @/): scripts/theme-css.ts imports this file under the Node tsconfig.
import { SYSTEM_FONT_STACK } from '../../lib/fonts';

/** System fonts only (no CDN); light and dark schemes; the mode follows the system by default. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1e4fd8' }, background: { default: '#f6f7fb' } } },
    dark: { palette: { primary: { main: '#8fb0ff' }, background: { default: '#0f1218', paper: '#161a22' } } },
  },
  typography: {
    fontFamily: SYSTEM_FONT_STACK,
  },
  shape: { borderRadius: 8 },
  components: {
    MuiButtonBase: { defaultProps: { disableRipple: false } },
    // CSS gap instead of `> :not(style) ~ :not(style)` margins: that sibling rule made the browser
    // restyle the whole secrets table on every scroll frame (466 elements, ~8 ms a frame).
    MuiStack: { defaultProps: { useFlexGap: true } },
  },
});
