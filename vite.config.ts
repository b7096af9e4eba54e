import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { apiProxyGuard } from './mocks/api-proxy-guard.ts';

/**
 * API_UPSTREAM=https://api.commandk.dev npm start   → /api/* is proxied to that upstream
 *   (the browser stays same-origin, so the upstream needs no CORS).
 * Without API_UPSTREAM the dev and preview servers run the demo: the fake API in a service worker.
 */
const upstream = process.env.API_UPSTREAM?.replace(/\/+$/, '');
/** API_TIMEOUT_MS: how long a request may go unanswered (default 15 s); tests shorten it. */
const requestTimeoutMs = process.env.API_TIMEOUT_MS ? Number(process.env.API_TIMEOUT_MS) : undefined;

const API_PREFIX = '/api';
const rewriteApiPath = (path: string) => path.replace(/^\/api/, '');

const proxy = upstream
  ? {
      [API_PREFIX]: {
        target: upstream,
        changeOrigin: true,
        secure: true,
        rewrite: rewriteApiPath,
      },
    }
  : undefined;

/**
 * Before the proxy: nothing under /api may reach the fake's control routes at the upstream's root
 * (`/api/__fake/...` and its encoded spellings get a JSON 404), and the control header is never
 * forwarded (mocks/api-proxy-guard.ts).
 */
function apiProxyGuardPlugin(): Plugin {
  // Returns nothing: the middleware must run before vite's own (the proxy among them).
  const install = (server: { middlewares: { use: (fn: ReturnType<typeof apiProxyGuard>) => unknown } }): void => {
    if (proxy) server.middlewares.use(apiProxyGuard(API_PREFIX, rewriteApiPath));
  };
  return { name: 'dashboard-api-proxy-guard', configureServer: install, configurePreviewServer: install };
}

/** The runtime config script (`/app-config.js`), read by src/config/runtime-config.ts. */
function configScript(demo: boolean): string {
  return `window.__DASHBOARD_CONFIG__ = ${JSON.stringify({ demo, apiBaseUrl: '/api', requestTimeoutMs })};\n`;
}

/**
 * Serves /app-config.js from the dev and preview servers (demo unless API_UPSTREAM is set), and
 * emits a real-API default into dist/ for static deployments (edit it there to change the base URL).
 */
function runtimeConfig(): Plugin {
  // Returns nothing: a function returned from these hooks would run as a post-middleware hook.
  const serve = (server: { middlewares: { use: (path: string, fn: (req: unknown, res: ServerResponse) => void) => unknown } }): void => {
    server.middlewares.use('/app-config.js', (_req, res) => {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(configScript(!upstream));
    });
  };
  return {
    name: 'dashboard-runtime-config',
    configureServer: serve,
    configurePreviewServer: serve,
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'app-config.js', source: configScript(false) });
    },
  };
}

/**
 * The first page in two chunks (#6):
 * - `early`: the entry (src/main.tsx) and what it imports statically — the early requests, the
 *   contract's paths and headers, the session's storage key, the first paint drawn from their
 *   responses: a few KB, no zod, no React, so it runs soon, the first page's requests leave at once
 *   (src/app/early-requests.ts) and the page is drawn as soon as they are in (first-paint.ts);
 * - `app`: src/app/start.tsx (imported by the entry after the first paint) and its static
 *   imports — config, session, API client, query cache, React DOM, the router, the frame and the
 *   secrets page — minus `early`'s modules.
 * index.html modulepreloads `app` (and links its CSS) so it downloads and parses alongside `early`.
 * Without this the bundler made a chunk of each module shared with a lazy chunk: the first page
 * loaded 23 small files, six at a time over HTTP/1.1, and the data requests waited for the last one.
 */
const APP_START = fileURLToPath(new URL('./src/app/start.tsx', import.meta.url));
/**
 * Reached from the first page only through zod/mini's re-exports (`export * from`), used only by
 * classic zod in the lazily loaded forms: left to the bundler's own chunks (−4 KB gzip here).
 */
const NOT_FIRST_PAGE = /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors|json-schema-generator)\.js$/;
const chunkModules = { early: new Set<string>(), app: new Set<string>() };

function firstPageChunks(): Plugin {
  return {
    name: 'dashboard-first-page-chunks',
    apply: 'build',
    buildEnd() {
      const reach = (roots: string[], into: Set<string>, skip: Set<string>) => {
        into.clear();
        const pending = [...roots];
        while (pending.length > 0) {
          const id = pending.pop()!;
          if (into.has(id) || skip.has(id) || NOT_FIRST_PAGE.test(id)) continue;
          into.add(id);
          pending.push(...(this.getModuleInfo(id)?.importedIds ?? []));
        }
      };
      reach([...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry), chunkModules.early, new Set());
      reach([APP_START], chunkModules.app, chunkModules.early);
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const app = Object.values(ctx.bundle ?? {}).find((out) => out.type === 'chunk' && out.moduleIds.includes(APP_START));
        if (!app || app.type !== 'chunk') throw new Error('first-page-chunks: no chunk holds src/app/start.tsx');
        const css = [...(app.viteMetadata?.importedCss ?? [])];
        // The chunks `app` imports besides the entry (the bundler's runtime helpers end up in one of
        // their own): not preloaded, each would be one more request after the import.
        const entry = Object.values(ctx.bundle ?? {}).find((out) => out.type === 'chunk' && out.isEntry);
        const scripts = [app.fileName, ...app.imports.filter((file) => file !== entry?.fileName)];
        return [
          // Fetched alongside the entry and parsed off the main thread; evaluated only when main.tsx
          // imports it. (A plain `preload` left a ~40 ms compile on the main thread at the import;
          // `modulepreload` used to be slower only while the entry chunk itself was large, #6.)
          // Not preloading it drew the first paint ~45 ms sooner here (the compile shares 2 cores
          // with the local server), but made the page interactive ~50 ms later, and later still
          // wherever the network, not the CPU, is what the first page waits for: kept.
          ...scripts.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...css.map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), apiProxyGuardPlugin(), runtimeConfig(), firstPageChunks()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: false, proxy, open: !process.env.CI && !process.env.NO_OPEN },
  preview: { port: 4173, strictPort: false, proxy },
  build: {
    target: 'es2022',
    // Every browser this build targets has modulepreload: no polyfill in the entry chunk.
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The app chunk is ~500 KB before gzip by design (see firstPageChunks).
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'early', test: (id: string) => chunkModules.early.has(id), priority: 2 },
            { name: 'app', test: (id: string) => chunkModules.app.has(id), priority: 1 },
          ],
        },
      },
    },
  },
});
