/**
 * `npm run serve`: the production build behind nginx with deploy/nginx's configuration — strict
 * Content-Security-Policy and security headers, /api/ proxied to API_UPSTREAM — in the foreground,
 * as the current user, under a prefix of its own (config, pid, temporary files); Debian's nginx
 * service is never touched. Builds first when dist/ is missing or older than the sources.
 *
 *   API_UPSTREAM=https://api.commandk.dev npm run serve -- [--port 8080] [--host 127.0.0.1] [--dist dist]
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readRuntimeConfig } from '../src/config/runtime-config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = join(ROOT, 'deploy', 'nginx');
/** The variables the templates name; nginx's own ($uri, $request_id…) are left as they are. */
const VARIABLES = ['LISTEN', 'DIST_DIR', 'API_UPSTREAM', 'CSP_CONNECT_SRC'] as const;
export type ConfigValues = Record<(typeof VARIABLES)[number], string>;

export class ServeError extends Error {}

/** An http(s) URL nginx can proxy to, with nothing the configuration would read as syntax. */
export function parseUpstream(raw: string | undefined): string {
  if (!raw) {
    throw new ServeError('API_UPSTREAM is required: the API that /api/ is proxied to, e.g.\n  API_UPSTREAM=https://api.commandk.dev npm run serve');
  }
  const upstream = raw.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    throw new ServeError(`API_UPSTREAM is not a URL: ${upstream}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.search || url.hash || !/^https?:\/\/[A-Za-z0-9.\-[\]:]+(\/[A-Za-z0-9._~\-/]*)?$/.test(upstream)) {
    throw new ServeError(`API_UPSTREAM must be http(s)://host[:port][/path] with no credentials, query or special characters: ${upstream}`);
  }
  return upstream;
}

/** The `apiOrigins` of the build's app-config.js (`window.__DASHBOARD_CONFIG__ = {…};`), validated. */
export function apiOriginsOf(appConfigJs: string): string[] {
  const json = /^\s*window\.__DASHBOARD_CONFIG__\s*=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(appConfigJs)?.[1];
  let config: unknown;
  try {
    config = json === undefined ? undefined : (JSON.parse(json) as unknown);
  } catch {
    config = undefined;
  }
  if (config === undefined) throw new ServeError('app-config.js must be `window.__DASHBOARD_CONFIG__ = { …JSON… };`');
  const origins = (config as { apiOrigins?: unknown }).apiOrigins;
  const parsed = readRuntimeConfig({ apiOrigins: origins });
  if (origins !== undefined && JSON.stringify(parsed.apiOrigins) !== JSON.stringify(origins)) {
    throw new ServeError('app-config.js: apiOrigins must be a list of origins such as "https://api.example.com" or "https://*.example.com"');
  }
  return parsed.apiOrigins;
}

/** A template with the named variables filled in; any other `$name` stays nginx's. */
export function renderTemplate(template: string, values: ConfigValues): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => ((VARIABLES as readonly string[]).includes(name) ? values[name as keyof ConfigValues] : whole));
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded(distDir: string): void {
  const built = join(distDir, 'index.html');
  const sources = ['index.html', 'src', 'public', 'vite.config.ts', 'package-lock.json'].map((p) => join(ROOT, p)).filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  if (distDir !== join(ROOT, 'dist')) throw new ServeError(`${distDir} has no current build (build it, or serve dist/)`);
  console.log('serve: building (dist/ is missing or older than the sources)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new ServeError('the build failed');
}

const NGINX_HINT = "nginx is required (Debian's package; its service need not run): sudo apt-get install -y nginx";

/** nginx's path: $NGINX, then PATH, then /usr/sbin (not on a normal user's PATH); with the sub module. */
function findNginx(): string {
  const candidates = [process.env.NGINX, 'nginx', '/usr/sbin/nginx'].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const version = spawnSync(candidate, ['-V'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) continue;
    if (!version.stderr.includes('--with-http_sub_module')) throw new ServeError(`${candidate} lacks the sub module (it writes the CSP nonce into the page). ${NGINX_HINT}`);
    return candidate;
  }
  throw new ServeError(`nginx was not found. ${NGINX_HINT}`);
}

function main(): void {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, dist: { type: 'string', default: 'dist' } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ServeError(`--port must be a port number: ${values.port}`);
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(values.host)) throw new ServeError(`--host must be a host name or address: ${values.host}`);
  const upstream = parseUpstream(process.env.API_UPSTREAM);
  const nginx = findNginx();
  const distDir = resolve(ROOT, values.dist);
  if (/["'$;{}\s\\]/.test(distDir)) throw new ServeError(`the build's path has characters nginx would misread: ${distDir}`);
  buildIfNeeded(distDir);
  const apiOrigins = apiOriginsOf(readFileSync(join(distDir, 'app-config.js'), 'utf8'));

  const prefix = mkdtempSync(join(tmpdir(), 'dashboard-nginx-'));
  // Run as root, nginx's workers switch to an unprivileged user, which must reach tmp/.
  chmodSync(prefix, 0o755);
  mkdirSync(join(prefix, 'tmp'));
  const config: ConfigValues = { LISTEN: `${values.host}:${port}`, DIST_DIR: distDir, API_UPSTREAM: upstream, CSP_CONNECT_SRC: apiOrigins.join(' ') };
  for (const file of ['nginx.conf', 'dashboard.conf']) writeFileSync(join(prefix, file), renderTemplate(readFileSync(join(TEMPLATES, file), 'utf8'), config));

  const child = spawn(nginx, ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'], { stdio: 'inherit' });
  console.log(`serve: http://${values.host}:${port}/ — ${distDir} through nginx, /api/ → ${upstream} (Ctrl+C stops)`);
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    rmSync(prefix, { recursive: true, force: true });
    process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof ServeError)) throw error;
    console.error(`serve: ${error.message}`);
    process.exit(1);
  }
}
