// npm run fuzz: the payload fuzzing suite (test/integration/fuzz.test.ts) with ten times the runs of
// npm test, a summary per action at the end. FUZZ_SEED=<n> replays another seed; FUZZ_SCALE=<n>
// changes the multiple; FUZZ_LOG=1 shows the functions' logs (the stack behind an INTERNAL).

import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const jest = path.join(ROOT, 'node_modules', '.bin', 'jest');
const scale = process.env.FUZZ_SCALE ?? '10';
console.log(`fuzzing every action: seed ${process.env.FUZZ_SEED ?? 'fixed (20261204)'}, ${scale}× the runs of npm test`);
const r = spawnSync(jest, ['test/integration/fuzz.test.ts', '--selectProjects', 'integration', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', FUZZ_SCALE: scale, FUZZ_SUMMARY: '1' },
});
process.exit(r.status ?? 1);
