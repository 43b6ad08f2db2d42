// npm run screenshots: runs the Chromium journeys with SCREENSHOTS=1, which saves each key page
// at phone size (375×667) into docs/screenshots/, so anyone can see the app without running it.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildH5 } from './lib/h5';

const ROOT = path.resolve(__dirname, '..');
buildH5();
const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'jest'), ['--selectProjects', 'browser', '--runInBand'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, SCREENSHOTS: '1' },
});
process.exit(r.status ?? 1);
