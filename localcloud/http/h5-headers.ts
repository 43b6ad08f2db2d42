// Headers of the H5 build's files. The page holds the session token in localStorage, so nothing but
// the build's own code may run on this origin: a Content-Security-Policy of self, the one inline
// script Taro writes into index.html (the rem sizing) allowed by its hash, no eval; pictures from
// self, blob: (a picked photo's preview) and data:; requests to self only; no framing.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** On every static file: the bytes are what the type says, and no URL leaks to another site. */
export const STATIC_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** `'sha256-…'` of each inline script (a <script> without src) of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2] === '') continue;
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

const NOOP_URL_HASH = `'sha256-${createHash('sha256').update('javascript:;').digest('base64')}'`;

export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    // Taro's tab bar items are <a href="javascript:;">: that one no-op URL, by its hash, and nothing else.
    ["script-src 'self'", ...inlineScriptHashes(html), "'unsafe-hashes'", NOOP_URL_HASH].join(' '),
    // Taro's runtime applies inline styles (checked in Chromium: 'self' alone blocks them). Styles
    // cannot run code; the scripts above stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of each page, read again only when the file changes (a rebuild). */
const policies = new Map<string, { mtimeMs: number; size: number; policy: string }>();

/** Headers for an HTML file of the build: STATIC_HEADERS plus the policy and no framing. */
export function htmlHeaders(file: string): Record<string, string> {
  const { mtimeMs, size } = statSync(file);
  let cached = policies.get(file);
  if (!cached || cached.mtimeMs !== mtimeMs || cached.size !== size) {
    cached = { mtimeMs, size, policy: contentSecurityPolicy(readFileSync(file, 'utf8')) };
    policies.set(file, cached);
  }
  return { ...STATIC_HEADERS, 'Content-Security-Policy': cached.policy, 'X-Frame-Options': 'DENY' };
}
