/**
 * What the first page loads before any lazy import: dist/index.html's scripts, preloaded scripts
 * and styles, the chunks the entry script imports dynamically (main.tsx imports the app on every
 * load, after the first paint: see vite.config.ts) and, recursively, their static imports. Prints (or returns) gzip sizes, and whether msw code is there.
 *
 *   npx tsx scripts/bundle-size.ts [dist] [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  hasMsw: boolean;
  /** MUI or emotion code (the UI library the secrets page's first render does without, #6). */
  hasMui: boolean;
}

export interface FirstPageReport {
  files: ChunkSize[];
  gzipKB: number;
  mswInFirstPage: boolean;
  muiInFirstPage: boolean;
}

/** Markers of msw's runtime code (its interceptors and worker client). */
const MSW_MARKERS = [/mockServiceWorker/, /\[MSW\]/, /onUnhandledRequest/];

/** Markers of MUI's components (their class names) and of emotion, its styling engine. */
const MUI_MARKERS = [/__EMOTION_TYPE_PLEASE_DO_NOT_USE__/, /\bMui(ButtonBase|Paper|Typography|Backdrop)\b/];

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.(?:js|css))["']/g;

/** `import("./x.js")` with a literal path (the entry's import of the app chunk). */
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g;

function dynamicImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(DYNAMIC_IMPORT)) if (match[1]) found.push(match[1]);
  return found;
}

function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const match of code.matchAll(STATIC_IMPORT)) if (match[1]) found.push(match[1]);
  return found;
}

function entryScripts(html: string): string[] {
  const files: string[] = [];
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) if (m[1]) files.push(m[1]);
  return files;
}

function entryFiles(html: string): string[] {
  const files = entryScripts(html);
  for (const m of html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)) if (m[1]) files.push(m[1]);
  // Scripts index.html preloads (the app chunk the entry imports at once: see vite.config.ts).
  for (const m of html.matchAll(/<link[^>]*rel="preload"[^>]*as="script"[^>]*href="([^"]+)"/g)) if (m[1]) files.push(m[1]);
  return files;
}

export function measureFirstPage(distDir: string): FirstPageReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = entryFiles(html).map((f) => f.replace(/^\//, ''));
  // The entry's own dynamic imports are part of every page (not those of the chunks they load:
  // routes, dialogs and the demo are lazy).
  for (const entry of entryScripts(html).map((f) => f.replace(/^\//, ''))) {
    const path = join(distDir, entry);
    if (existsSync(path)) for (const dep of dynamicImports(readFileSync(path, 'utf8'))) queue.push(posix.join(posix.dirname(entry), dep));
  }
  const seen = new Set<string>();
  const files: ChunkSize[] = [];
  while (queue.length > 0) {
    const file = posix.normalize(queue.shift()!);
    if (seen.has(file)) continue;
    seen.add(file);
    const path = join(distDir, file);
    if (!existsSync(path)) continue;
    const content = readFileSync(path);
    const text = content.toString('utf8');
    files.push({
      file,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
      hasMsw: MSW_MARKERS.some((marker) => marker.test(text)),
      hasMui: MUI_MARKERS.some((marker) => marker.test(text)),
    });
    if (file.endsWith('.js')) for (const dep of staticImports(text)) queue.push(posix.join(posix.dirname(file), dep));
  }
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return {
    files,
    gzipKB: Math.round((gzipBytes / 1024) * 10) / 10,
    mswInFirstPage: files.some((f) => f.hasMsw),
    muiInFirstPage: files.some((f) => f.hasMui),
  };
}

function chunksWith(distDir: string, markers: readonly RegExp[]): string[] {
  const assets = join(distDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => markers.some((marker) => marker.test(readFileSync(join(assets, f), 'utf8'))))
    .map((f) => `assets/${f}`);
}

/** Every JS chunk of the build that holds msw code. */
export function chunksWithMsw(distDir: string): string[] {
  return chunksWith(distDir, MSW_MARKERS);
}

/** Every JS chunk of the build that holds MUI or emotion code. */
export function chunksWithMui(distDir: string): string[] {
  return chunksWith(distDir, MUI_MARKERS);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const report = measureFirstPage(dist);
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    for (const f of report.files) console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${f.file}${f.hasMsw ? '  (msw!)' : ''}${f.hasMui ? '  (MUI)' : ''}`);
    console.log(`${report.gzipKB.toFixed(1).padStart(7)} KB gz  first page total; msw in first page: ${report.mswInFirstPage}; MUI in first page: ${report.muiInFirstPage}`);
  }
}
