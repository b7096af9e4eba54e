/**
 * The theme's CSS variables that the plain (non-MUI) styles use, as a static stylesheet
 * (src/app/theme-vars.css): the secrets page paints with the theme's colours and fonts before MUI
 * is loaded (#6). MUI's provider, loaded with the dialogs and the other pages, injects the full
 * set itself (the same values). `npm run theme:css` rewrites the file; a test in `npm test` fails
 * when it no longer matches src/components/mui/theme.ts or the variables the stylesheets use.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { theme } from '../src/components/mui/theme';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
export const THEME_CSS_FILE = join(SRC, 'app', 'theme-vars.css');

type Declarations = Record<string, string | number>;

function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cssFiles(path);
    return entry.name.endsWith('.css') && path !== THEME_CSS_FILE ? [path] : [];
  });
}

/** Every `--mui-*` variable the project's stylesheets read. */
export function usedVariables(): Set<string> {
  const used = new Set<string>();
  for (const file of cssFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/var\((--mui-[\w-]+)/g)) used.add(match[1]!);
  }
  return used;
}

function declaration(name: string, value: string | number): string {
  const property = name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `  ${property}: ${String(value)};`;
}

export function themeCss(used: Set<string> = usedVariables()): string {
  const sheets = theme.generateStyleSheets() as Record<string, Declarations>[];
  const declared = new Set(sheets.flatMap((sheet) => Object.values(sheet).flatMap((body) => Object.keys(body))));
  const unknown = [...used].filter((name) => !declared.has(name));
  if (unknown.length > 0) throw new Error(`theme-css: not theme variables: ${unknown.join(', ')}`);
  const rules = sheets.flatMap((sheet) =>
    Object.entries(sheet).flatMap(([selector, body]) => {
      // The variables in use, and the non-variable declarations (color-scheme).
      const kept = Object.entries(body).filter(([name]) => !name.startsWith('--') || used.has(name));
      if (!kept.some(([name]) => name.startsWith('--'))) return [];
      return [`${selector} {\n${kept.map(([name, value]) => declaration(name, value)).join('\n')}\n}`];
    }),
  );
  return `/* Generated from src/components/mui/theme.ts by \`npm run theme:css\` (scripts/theme-css.ts): the\n   variables the stylesheets under src/ use. Do not edit. */\n${rules.join('\n\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(THEME_CSS_FILE, themeCss());
  console.log(`wrote ${THEME_CSS_FILE}`);
}
