/**
 * The first page's size: the JS + CSS a direct load of a secrets page (`/apps/:appId/:envSlug`)
 * fetches until its rows are interactive — dist/index.html's scripts and styles, their static
 * imports and, when the page's route module is a lazy chunk, that chunk with its static imports
 * and CSS. Read from the build manifest (dist/.vite/manifest.json). Dynamic imports are left out
 * (dialogs, other pages, the demo's fake API); the bench counts what the browser really fetched.
 *
 *   npx tsx scripts/bundle-size.ts [dist] [--json]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from 'vite';

/** The module of the page measured (the route `apps/:appId/:envSlug` in src/app/router.tsx). */
export const ENV_PAGE_ROUTE_MODULE = 'src/app/routes/secrets-route.tsx';

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
  hasMsw: boolean;
}

export interface FirstPageReport {
  /** Largest first. */
  files: ChunkSize[];
  gzipKB: number;
  mswInFirstPage: boolean;
}

/** Markers of msw's runtime code (its interceptors and worker client). */
const MSW_MARKERS = [/mockServiceWorker/, /\[MSW\]/, /onUnhandledRequest/];

export function readManifest(distDir: string): Manifest {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build with build.manifest (vite.config.ts sets it)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** Same-origin scripts and stylesheets dist/index.html loads itself (module entry, app-config.js, links). */
function htmlFiles(html: string): string[] {
  const files: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) files.push(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"/g)) files.push(m[1]!);
  return files.filter((f) => !/^[a-z]+:|^\/\//i.test(f)).map((f) => f.replace(/^\//, ''));
}

/** The files of these manifest entries, their CSS and, recursively, their static imports. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return [...files];
}

/** The files a direct load of the secrets page fetches before its rows are interactive. */
export function envPageFiles(distDir: string, manifest: Manifest = readManifest(distDir)): string[] {
  const html = htmlFiles(readFileSync(join(distDir, 'index.html'), 'utf8'));
  // The chunks index.html loads: the entry's, or — when the bundler has merged the entry into the
  // chunks it imports — those chunks, each a script of index.html.
  const roots = Object.keys(manifest).filter((key) => manifest[key]!.isEntry || html.includes(manifest[key]!.file));
  // The route's own chunk, when it is lazy (loaded, with its loader, on that URL).
  if (manifest[ENV_PAGE_ROUTE_MODULE]) roots.push(ENV_PAGE_ROUTE_MODULE);
  return [...new Set([...html, ...staticClosure(manifest, roots)])].filter((file) => existsSync(join(distDir, file)));
}

function sizeOf(distDir: string, file: string): ChunkSize {
  const content = readFileSync(join(distDir, file));
  const text = content.toString('utf8');
  return {
    file,
    bytes: content.length,
    gzipBytes: gzipSync(content, { level: 9 }).length,
    hasMsw: MSW_MARKERS.some((marker) => marker.test(text)),
  };
}

export function measureFirstPage(distDir: string): FirstPageReport {
  const files = envPageFiles(distDir)
    .map((file) => sizeOf(distDir, file))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return {
    files,
    gzipKB: Math.round((gzipBytes / 1024) * 10) / 10,
    mswInFirstPage: files.some((f) => f.hasMsw),
  };
}

/** Every JS chunk of the build that holds msw code. */
export function chunksWithMsw(distDir: string): string[] {
  const assets = join(distDir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => MSW_MARKERS.some((marker) => marker.test(readFileSync(join(assets, f), 'utf8'))))
    .map((f) => `assets/${f}`);
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const report = measureFirstPage(dist);
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    for (const f of report.files) console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${f.file}${f.hasMsw ? '  (msw!)' : ''}`);
    console.log(`${report.gzipKB.toFixed(1).padStart(7)} KB gz  envPageJsGzipKB: a direct load of /apps/:appId/:envSlug; msw in it: ${report.mswInFirstPage}`);
  }
}
