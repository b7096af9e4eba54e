// @vitest-environment node
/**
 * Two style rules that made every scroll frame of the secrets table slow (measured with
 * `npm run bench`: scroll p95 33 ms → 16.7 ms once both were gone). Guards against their return:
 * - `box-sizing: inherit` (as in MUI's CssBaseline) stops Chromium from sharing computed styles
 *   between elements: restyling the rows a frame adds took 6–7 ms instead of under 2 ms;
 * - MUI Stack's default spacing rule `> :not(style) ~ :not(style)` restyled the Stack's whole
 *   subtree (the table included) whenever a row was added; `useFlexGap` spaces with CSS gap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/** The text without comments (which may name the rules this file guards against). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
}

describe('style pitfalls', () => {
  it('no stylesheet or sx style sets box-sizing: inherit', () => {
    const offenders = files(SRC, /\.(css|tsx?)$/)
      .filter((file) => /box-?sizing['"]?\s*:\s*['"]?inherit/i.test(code(file)))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('MUI CssBaseline is not used (src/app/baseline.css replaces it)', () => {
    const offenders = files(SRC, /\.tsx?$/)
      .filter((file) => !file.endsWith('.test.ts') && /@mui\/material\/(Scoped)?CssBaseline|\bCssBaseline\b.*from '@mui/.test(code(file)))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });

  it('the page baseline is loaded with the providers every page renders under', () => {
    expect(code(join(SRC, 'app', 'providers.tsx'))).toMatch(/^import '\.\/baseline\.css';$/m);
  });

  it('the page baseline sets border-box directly', () => {
    const css = readFileSync(join(SRC, 'app', 'baseline.css'), 'utf8');
    expect(css).toMatch(/\*,\s*::before,\s*::after\s*\{\s*box-sizing:\s*border-box;/);
  });

  it("the baseline's body font is the theme's body1 (no copied font stack)", () => {
    expect(code(join(SRC, 'app', 'baseline.css'))).toMatch(/body\s*\{[^}]*font:\s*var\(--mui-font-body1\);/);
  });

  it('MUI Stack spaces its children with CSS gap by default, and no Stack turns it off', () => {
    expect(code(join(SRC, 'components', 'mui', 'theme.ts'))).toMatch(/MuiStack:\s*\{\s*defaultProps:\s*\{\s*useFlexGap:\s*true\s*\}/);
    const offenders = files(SRC, /\.tsx$/)
      .filter((file) => /useFlexGap=\{false\}/.test(code(file)))
      .map((file) => relative(SRC, file));
    expect(offenders).toEqual([]);
  });
});
