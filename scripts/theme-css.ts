/**
 * The theme's CSS variables as a static stylesheet (src/app/theme-vars.css), so that the first
 * page can paint with the theme's colours and fonts before MUI is loaded (#6). MUI's providers,
 * loaded later with the dialogs and other pages, do not inject the same variables again
 * (`disableStyleSheetGeneration`). `npm run theme:css` rewrites the file; a test in `npm test`
 * fails when it no longer matches src/components/mui/theme.ts.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { theme } from '../src/components/mui/theme';

export const THEME_CSS_FILE = fileURLToPath(new URL('../src/app/theme-vars.css', import.meta.url));

type Declarations = Record<string, string | number>;

function declaration(name: string, value: string | number): string {
  const property = name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return `  ${property}: ${String(value)};`;
}

export function themeCss(): string {
  const sheets = theme.generateStyleSheets() as Record<string, Declarations>[];
  const rules = sheets.flatMap((sheet) =>
    Object.entries(sheet).map(([selector, body]) => {
      for (const value of Object.values(body)) {
        if (typeof value === 'object') throw new Error(`theme-css: nested rule under ${selector} is not supported`);
      }
      return `${selector} {\n${Object.entries(body).map(([name, value]) => declaration(name, value)).join('\n')}\n}`;
    }),
  );
  return `/* Generated from src/components/mui/theme.ts by \`npm run theme:css\` (scripts/theme-css.ts). Do not edit. */\n${rules.join('\n\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(THEME_CSS_FILE, themeCss());
  console.log(`wrote ${THEME_CSS_FILE}`);
}
