// @vitest-environment node
/**
 * The first page's budget: a production build whose first page (index.html and its static
 * imports) stays under 150 KB gzip and holds no msw code; msw lives only in the demo chunk
 * (the dynamic import of mocks/browser.ts and what it imports). MUI stays out of the first page
 * too: the secrets page renders without it (#6), MUI comes with dialogs, menus and other pages.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksWithMsw, chunksWithMui, measureFirstPage } from './bundle-size';

export const FIRST_PAGE_BUDGET_KB = 150;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dashboard-budget-'));
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('bundle budget', () => {
  it(`keeps the first page's JS + CSS under ${FIRST_PAGE_BUDGET_KB} KB gzip`, () => {
    const report = measureFirstPage(outDir);
    expect(report.files.length).toBeGreaterThan(0);
    console.log(`first page: ${report.gzipKB} KB gzip in ${report.files.length} files`);
    expect(report.gzipKB).toBeLessThanOrEqual(FIRST_PAGE_BUDGET_KB);
  });

  it('keeps msw out of the first page and inside the demo chunk', () => {
    expect(measureFirstPage(outDir).mswInFirstPage).toBe(false);
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const demoEntry = Object.entries(manifest).find(([source]) => source.endsWith('mocks/browser.ts'));
    expect(demoEntry, 'mocks/browser.ts is a chunk of its own (a dynamic import)').toBeDefined();
    const demoFiles = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || demoFiles.has(chunk.file)) return;
      demoFiles.add(chunk.file);
      chunk.imports?.forEach(visit);
    };
    visit(demoEntry![0]);
    const withMsw = chunksWithMsw(outDir);
    expect(withMsw.length, 'msw is found in the build (the check can see it)').toBeGreaterThan(0);
    for (const file of withMsw) expect(demoFiles, `${file} holds msw code`).toContain(file);
  });

  it('keeps MUI and emotion out of the first page', () => {
    expect(chunksWithMui(outDir).length, 'MUI is found in the build (the check can see it)').toBeGreaterThan(0);
    const report = measureFirstPage(outDir);
    expect(report.files.filter((f) => f.hasMui).map((f) => f.file)).toEqual([]);
    expect(report.muiInFirstPage).toBe(false);
  });
});
