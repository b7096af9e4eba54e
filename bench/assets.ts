/**
 * What a page downloads, in gzip bytes of the build's files: the JS and CSS that dist/index.html
 * references, and the script and stylesheet requests the browser actually made.
 */
import type { Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipCache = new Map<string, number>();

/** gzip -9 size in bytes of `file` (relative to `distDir`), or null when it is not there. */
export function gzipBytes(distDir: string, file: string): number | null {
  const key = `${distDir}\u0000${file}`;
  const cached = gzipCache.get(key);
  if (cached !== undefined) return cached;
  try {
    const size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
    gzipCache.set(key, size);
    return size;
  } catch {
    return null;
  }
}

/** A local path of the page (`/assets/x.js` → `assets/x.js`); null for another origin or a data: URL. */
function localFile(href: string, baseUrl: string): string | null {
  const url = new URL(href, baseUrl);
  if (url.origin !== new URL(baseUrl).origin) return null;
  return posix.normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
}

/**
 * The JS and CSS dist/index.html itself makes the browser fetch before any script runs: its
 * scripts, stylesheets, module preloads and script/style preloads (not what scripts import lazily).
 */
export function indexHtmlFiles(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const base = 'http://bench.invalid/';
  const files = new Set<string>();
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src) files.add(localFile(src, base) ?? '');
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(tag, 'rel')?.toLowerCase() ?? '';
    const as = attr(tag, 'as')?.toLowerCase() ?? '';
    const href = attr(tag, 'href');
    const fetched = rel === 'stylesheet' || rel === 'modulepreload' || (rel === 'preload' && (as === 'script' || as === 'style'));
    if (href && fetched) files.add(localFile(href, base) ?? '');
  }
  files.delete('');
  return [...files];
}

/** The build's file a script or stylesheet request fetched (relative to dist), or null for any other request. */
export function scriptOrStyleFile(request: Request, baseUrl: string): string | null {
  const type = request.resourceType();
  if (type !== 'script' && type !== 'stylesheet') return null;
  return localFile(request.url(), baseUrl);
}

export interface Sized {
  /** Total gzip bytes of the files found in dist. */
  bytes: number;
  /** Each file with its gzip size, largest first. */
  files: { file: string; bytes: number }[];
  /** Files not in dist (a stale build, or something the server makes up). */
  missing: string[];
}

export function sizeFiles(distDir: string, files: Iterable<string>): Sized {
  const sized: { file: string; bytes: number }[] = [];
  const missing: string[] = [];
  for (const file of new Set(files)) {
    const bytes = gzipBytes(distDir, file);
    if (bytes === null) missing.push(file);
    else sized.push({ file, bytes });
  }
  sized.sort((a, b) => b.bytes - a.bytes);
  return { bytes: sized.reduce((sum, f) => sum + f.bytes, 0), files: sized, missing };
}

/** "a.js 40.1, b.css 3.2" (KB gzip) for notes. */
export function largest(sized: Sized, count: number): string {
  return sized.files
    .slice(0, count)
    .map((f) => `${f.file.replace(/^assets\//, '')} ${(f.bytes / 1024).toFixed(1)}`)
    .join(', ');
}
