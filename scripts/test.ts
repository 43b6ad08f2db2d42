// npm test: everything CI checks, in order, stopping at the first failure, with each step's time.
//   typecheck → lint → deploy dry run → unit → integration (local cloud + built functions) → weapp build with
//   the main-package size check → DevTools tests (skipped without WECHAT_DEVTOOLS_CLI) → H5 build → browser
//   tests in headless Chromium.
// `npm test -- --skip-browser` leaves out the two H5 steps (for machines without Chromium).

import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
const skipBrowser = process.argv.includes('--skip-browser');

const steps: Array<[string, string, string[]]> = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  // Every function and collection declaration checked and the deploy plan printed: no credentials, no network.
  ['deploy dry run', bin('tsx'), ['scripts/deploy.ts', '--dry-run']],
  ['unit tests', bin('jest'), ['--selectProjects', 'unit']],
  ['integration tests (local cloud)', bin('jest'), ['--selectProjects', 'integration']],
  ['weapp build + main package size', 'npm', ['run', '--silent', 'build:weapp']],
  // The shared journeys in WeChat DevTools: run where WECHAT_DEVTOOLS_CLI names a logged-in DevTools,
  // skipped with the reason everywhere else (the driver is loaded and type-checked either way).
  ['DevTools tests (miniprogram-automator)', bin('jest'), ['--selectProjects', 'devtools', '--runInBand']],
];
if (!skipBrowser) {
  steps.push(['H5 build', bin('taro'), ['build', '--type', 'h5']]);
  steps.push(['browser tests (Chromium)', bin('jest'), ['--selectProjects', 'browser', '--runInBand']]);
}

const timings: string[] = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: name.includes('build') ? 'production' : 'test' } });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`  ${name.padEnd(36)} ${secs.padStart(6)} s`);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (${secs} s)`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n✓ all checks passed\n${timings.join('\n')}`);
