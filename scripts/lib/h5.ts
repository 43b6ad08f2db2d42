// Builds the H5 app when its sources changed since the last build (or it was never built).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './running';

export const H5_DIR = path.join(ROOT, '.build', 'h5');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function h5IsStale(): boolean {
  const index = path.join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = ['src', 'core', 'config'].map((d) => path.join(ROOT, d)).filter(existsSync);
  return sources.some((d) => newestMtime(d) > built);
}

export function buildH5(options: { force?: boolean } = {}): boolean {
  if (!options.force && !h5IsStale()) return false;
  execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return true;
}
