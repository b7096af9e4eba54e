// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_CSS_FILE, themeCss } from './theme-css';

describe('static theme variables', () => {
  it('src/app/theme-vars.css matches the theme (run `npm run theme:css` after changing src/components/mui/theme.ts)', () => {
    expect(readFileSync(THEME_CSS_FILE, 'utf8')).toBe(themeCss());
  });

  it('declares the light and dark palettes and the body font the page paints with', () => {
    const css = themeCss();
    expect(css).toMatch(/:root, \.light \{[^}]*--mui-palette-primary-main: #1e4fd8;/);
    expect(css).toMatch(/\.dark \{[^}]*--mui-palette-background-default: #0f1218;/);
    expect(css).toMatch(/--mui-font-body1: /);
  });
});
