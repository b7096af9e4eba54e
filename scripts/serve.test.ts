// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiOriginsOf, parseUpstream, renderTemplate, ServeError } from './serve';
import { DEFAULT_API_ORIGINS } from '../src/config/runtime-config';
import { CSP_NONCE_PLACEHOLDER } from '../src/app/csp-nonce';

// Vitest runs from the project's root.
const template = (file: string) => readFileSync(join(process.cwd(), 'deploy', 'nginx', file), 'utf8');
const VALUES = { LISTEN: '127.0.0.1:8080', DIST_DIR: '/srv/dashboard', API_UPSTREAM: 'https://api.commandk.dev', CSP_CONNECT_SRC: 'https://api.commandk.dev' };

describe('npm run serve', () => {
  it('requires API_UPSTREAM and says how to give it', () => {
    expect(() => parseUpstream(undefined)).toThrow(/API_UPSTREAM is required.*\n.*API_UPSTREAM=https:\/\/api\.commandk\.dev npm run serve/);
  });

  it('accepts an http(s) upstream with a port or a path, without its trailing slash', () => {
    expect(parseUpstream('https://api.commandk.dev/')).toBe('https://api.commandk.dev');
    expect(parseUpstream('http://127.0.0.1:8788')).toBe('http://127.0.0.1:8788');
    expect(parseUpstream('https://gateway.example.com/secrets-api')).toBe('https://gateway.example.com/secrets-api');
  });

  it('refuses an upstream nginx would misread or that carries credentials', () => {
    for (const bad of ['ftp://api.example.com', 'https://user:pw@api.example.com', 'https://api.example.com;return 200', 'https://api.example.com/$uri', 'https://api.example.com/?a=1', 'api.example.com']) {
      expect(() => parseUpstream(bad), bad).toThrow(ServeError);
    }
  });

  it('reads apiOrigins from the build’s app-config.js, with the service’s origins by default', () => {
    expect(apiOriginsOf('window.__DASHBOARD_CONFIG__ = {"demo":false,"apiOrigins":["https://api.example.com","https://*.example.com:8443"]};\n')).toEqual([
      'https://api.example.com',
      'https://*.example.com:8443',
    ]);
    expect(apiOriginsOf('window.__DASHBOARD_CONFIG__ = {"demo":false};')).toEqual(DEFAULT_API_ORIGINS);
  });

  it('refuses apiOrigins that a policy would read as more than an origin', () => {
    for (const bad of ['"https://a.example.com; script-src *"', '"*"', '"https://a.example.com/path"', "\"'unsafe-inline'\""]) {
      expect(() => apiOriginsOf(`window.__DASHBOARD_CONFIG__ = {"apiOrigins":[${bad}]};`), bad).toThrow(ServeError);
    }
    expect(() => apiOriginsOf('window.evil = 1;')).toThrow(/must be `window.__DASHBOARD_CONFIG__/);
  });

  it('fills in only its own variables, leaving nginx’s ($uri, $request_id) alone', () => {
    const rendered = renderTemplate(template('dashboard.conf'), VALUES);
    expect(rendered).not.toMatch(/\$\{(LISTEN|DIST_DIR|API_UPSTREAM|CSP_CONNECT_SRC)\}/);
    expect(rendered).toContain('listen 127.0.0.1:8080;');
    expect(rendered).toContain('root /srv/dashboard;');
    expect(rendered).toContain('proxy_pass https://api.commandk.dev/;');
    expect(rendered).toContain("connect-src 'self' https://api.commandk.dev;");
    expect(rendered).toContain("'nonce-$request_id'");
    expect(rendered).toContain('map $uri $dashboard_cache_control');
  });

  it('writes the nonce over the placeholder that index.html and the style cache share', () => {
    expect(template('dashboard.conf')).toContain(`sub_filter '${CSP_NONCE_PLACEHOLDER}' '$request_id';`);
    expect(readFileSync(join(process.cwd(), 'index.html'), 'utf8')).toContain(`<meta name="csp-nonce" content="${CSP_NONCE_PLACEHOLDER}" />`);
  });
});
