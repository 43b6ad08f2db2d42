// The DevTools project builds what DevTools opens (the weapp build in dist/) and what the local
// cloud runs (the function bundles) — only when DevTools is configured; otherwise nothing, and the
// tests are skipped with the reason (test/devtools/journeys.test.ts).
import { spawnSync } from 'node:child_process';
import { buildFunctions } from '../../scripts/build-functions';
import { devtoolsSkipReason, ROOT } from '../journeys/drivers/devtools';

export default async function globalSetup(): Promise<void> {
  if (devtoolsSkipReason(process.env) !== null) return;
  await buildFunctions({ quiet: true });
  if (process.env.DEVTOOLS_SKIP_BUILD === '1') return;
  const built = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) throw new Error('npm run build:weapp failed');
}
