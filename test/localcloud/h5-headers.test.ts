// The H5 build is served with a Content-Security-Policy that allows only what the app needs, and
// with nosniff, no referrer and no framing: a stored file or an injected string cannot run as the
// app's script or load anything from elsewhere.
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;
let staticDir: string;
// As Taro's H5 build writes it: one inline script (the rem sizing) and the bundles by src.
const inline = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const html = `<!doctype html><html><head><script>${inline}</script><script defer="defer" src="/js/app.js"></script></head><body><div id="app"></div></body></html>`;

beforeAll(async () => {
  staticDir = mkdtempSync(join(tmpdir(), 'localcloud-h5-'));
  writeFileSync(join(staticDir, 'index.html'), html);
  mkdirSync(join(staticDir, 'js'));
  writeFileSync(join(staticDir, 'js', 'app.js'), 'console.log(1)');
  cloud = await startTestCloud({ staticDir });
});

afterAll(async () => {
  await cloud.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function directives(csp: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

test('the app page: a CSP of self, its own inline script by hash, images from self, blob: and data:', async () => {
  for (const path of ['/', '/index.html', '/pages/exam/detail']) {
    const res = await fetch(`${cloud.url}${path}`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Plus the one no-op URL of Taro's tab bar (<a href="javascript:;">), by its hash.
    const noop = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;
    expect(csp.get('script-src')).toEqual(["'self'", hash, "'unsafe-hashes'", noop]);
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // No way to run strings as code.
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  }
});

test('every static file is nosniff with no referrer, a missing one too', async () => {
  const js = await fetch(`${cloud.url}/js/app.js`);
  expect(js.status).toBe(200);
  expect(js.headers.get('x-content-type-options')).toBe('nosniff');
  expect(js.headers.get('referrer-policy')).toBe('no-referrer');
  const missing = await fetch(`${cloud.url}/js/missing.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
});

test('a HEAD of the page carries the same policy', async () => {
  const res = await fetch(`${cloud.url}/`, { method: 'HEAD' });
  expect(directives(res.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
});
