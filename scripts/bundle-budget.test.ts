// @vitest-environment node
/**
 * The first page's budget: in a production build, the JS + CSS a direct load of a secrets page
 * fetches until its rows are interactive (scripts/bundle-size.ts) stays under the ceiling, and
 * holds no msw code: msw lives only in the demo chunk (the dynamic import of mocks/browser.ts and
 * what it imports).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunksWithMsw, ENV_PAGE_ROUTE_MODULE, envPageFiles, measureFirstPage, readManifest, staticClosure } from './bundle-size';

/** KB gzip: room for the features planned on this page (the aim is 200). */
export const ENV_PAGE_CEILING_KB = 224;

let outDir = '';
let chunks: Rolldown.OutputChunk[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dashboard-budget-'));
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const output = await build({ mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
    chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ('output' in o ? o.output : [])).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('bundle budget', () => {
  it(`keeps the secrets page's JS + CSS under ${ENV_PAGE_CEILING_KB} KB gzip`, () => {
    const report = measureFirstPage(outDir);
    expect(report.files.length).toBeGreaterThan(0);
    const largest = report.files.slice(0, 5).map((f) => `${f.file} ${(f.gzipBytes / 1024).toFixed(1)}`);
    console.log(`envPageJsGzipKB: ${report.gzipKB} KB gzip in ${report.files.length} files; largest: ${largest.join(', ')}`);
    expect(report.gzipKB).toBeLessThanOrEqual(ENV_PAGE_CEILING_KB);
  });

  it("counts the chunk that holds the secrets page's route module", () => {
    const route = resolve(ENV_PAGE_ROUTE_MODULE);
    const holder = chunks.find((chunk) => chunk.moduleIds.includes(route));
    expect(holder, `${ENV_PAGE_ROUTE_MODULE} is in the build`).toBeDefined();
    expect(envPageFiles(outDir)).toContain(holder!.fileName);
  });

  it('keeps msw out of the first page and inside the demo chunk', () => {
    expect(measureFirstPage(outDir).mswInFirstPage).toBe(false);
    const manifest = readManifest(outDir);
    const demoEntry = Object.keys(manifest).find((source) => source.endsWith('mocks/browser.ts'));
    expect(demoEntry, 'mocks/browser.ts is a chunk of its own (a dynamic import)').toBeDefined();
    const demoFiles = staticClosure(manifest, [demoEntry!]);
    const withMsw = chunksWithMsw(outDir);
    expect(withMsw.length, 'msw is found in the build (the check can see it)').toBeGreaterThan(0);
    for (const file of withMsw) expect(demoFiles, `${file} holds msw code`).toContain(file);
  });
});
