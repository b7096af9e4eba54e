// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_CSS_FILE, themeCss, usedVariables } from './theme-css';

describe('static theme variables', () => {
  it('src/app/theme-vars.css matches the theme and the variables the stylesheets use (else run `npm run theme:css`)', () => {
    expect(readFileSync(THEME_CSS_FILE, 'utf8')).toBe(themeCss());
  });

  it('declares, for light and dark, each variable the stylesheets use', () => {
    const used = usedVariables();
    expect(used.has('--mui-palette-primary-main')).toBe(true);
    const css = themeCss(used);
    expect(css).toMatch(/:root, \.light \{[^}]*color-scheme: light;[^}]*--mui-palette-primary-main: #1e4fd8;/);
    expect(css).toMatch(/\.dark \{[^}]*color-scheme: dark;[^}]*--mui-palette-background-default: #0f1218;/);
    expect(css).toMatch(/--mui-font-body1: 400 1rem\/1\.5 system-ui/);
    expect(css).not.toMatch(/--mui-shadows-24:/);
  });

  it('refuses a variable the theme does not define', () => {
    expect(() => themeCss(new Set(['--mui-palette-primary-mian']))).toThrow(/not theme variables: --mui-palette-primary-mian/);
  });
});
