import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { apiProxyGuard } from './mocks/api-proxy-guard.ts';
import { API_ORIGIN_PATTERN, DEFAULT_API_ORIGINS, DEFAULT_SESSION_LIMITS } from './src/config/runtime-config.ts';

/**
 * API_UPSTREAM=https://api.commandk.dev npm start   → /api/* is proxied to that upstream
 *   (the browser stays same-origin, so the upstream needs no CORS).
 * Without API_UPSTREAM the dev and preview servers run the demo: the fake API in a service worker.
 */
const upstream = process.env.API_UPSTREAM?.replace(/\/+$/, '');
/** API_TIMEOUT_MS: how long a request may go unanswered (default 15 s); tests shorten it. */
const requestTimeoutMs = process.env.API_TIMEOUT_MS ? Number(process.env.API_TIMEOUT_MS) : undefined;
/** DEMO_LATENCY_MS: how late the demo's fake answers (its default 150 ms shows loading states); tests use 0. */
const demoLatencyMs = [Number(process.env.DEMO_LATENCY_MS || 'NaN')].find((ms) => Number.isInteger(ms) && ms >= 0 && ms <= 10_000);
/**
 * IDLE_TIMEOUT_MINUTES, ABSOLUTE_TIMEOUT_HOURS, TOKEN_STORAGE (session | memory): the session's
 * limits in app-config.js; written out with their defaults so a deployment sees what to edit.
 */
const sessionLimits = {
  idleTimeoutMinutes: process.env.IDLE_TIMEOUT_MINUTES ? Number(process.env.IDLE_TIMEOUT_MINUTES) : DEFAULT_SESSION_LIMITS.idleTimeoutMinutes,
  absoluteTimeoutHours: process.env.ABSOLUTE_TIMEOUT_HOURS ? Number(process.env.ABSOLUTE_TIMEOUT_HOURS) : DEFAULT_SESSION_LIMITS.absoluteTimeoutHours,
  tokenStorage: process.env.TOKEN_STORAGE || DEFAULT_SESSION_LIMITS.tokenStorage,
};

/**
 * Whether `npm start` opens a browser: not in CI or with NO_OPEN set, and on Linux and other Unixes
 * only in a graphical session (elsewhere opening fails with a stack trace); the URL is printed anyway.
 */
function canOpenBrowser(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI || env.NO_OPEN) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

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

/**
 * API_ORIGINS="http://127.0.0.1:8788 https://api.example.com": origins the dev/preview server's
 * app-config.js allows besides the defaults (tests call a local fake directly); invalid ones are dropped.
 */
const extraApiOrigins = (process.env.API_ORIGINS ?? '').split(/[\s,]+/).filter((entry) => API_ORIGIN_PATTERN.test(entry));

/** The runtime config script (`/app-config.js`), read by src/config/runtime-config.ts. */
function configScript(demo: boolean, apiOrigins: readonly string[] = DEFAULT_API_ORIGINS): string {
  return `window.__DASHBOARD_CONFIG__ = ${JSON.stringify({ demo, apiBaseUrl: '/api', requestTimeoutMs, apiOrigins, ...sessionLimits, ...(demo ? { demoLatencyMs } : {}) })};\n`;
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
      res.end(configScript(!upstream, [...DEFAULT_API_ORIGINS, ...extraApiOrigins]));
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

export default defineConfig({
  plugins: [react(), apiProxyGuardPlugin(), runtimeConfig()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { port: 5173, strictPort: false, proxy, open: canOpenBrowser() },
  preview: { port: 4173, strictPort: false, proxy },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Tells scripts/bundle-size.ts (the first page's budget) which chunks a page loads.
    manifest: true,
    // The first page's libraries are one chunk by design (~730 KB before gzip); its budget is
    // checked gzipped (scripts/bundle-budget.test.ts).
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // What the entry imports statically (rolldown's `$initial` tag) in two chunks — its
        // libraries, and our code — instead of a small chunk for each module a lazy page shares with
        // it: four files instead of ~25, better compressed, and the libraries' chunk stays
        // cached when only our code changes. Lazy pages and the demo keep their own chunks.
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /[\\/]node_modules[\\/]/, priority: 1 },
            { name: 'first-page', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
