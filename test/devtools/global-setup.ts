// The DevTools project builds what DevTools opens (the weapp build in dist/, made with
// TARO_APP_E2E=1 so the app calls the driver's wx.__e2eCallFunction) and what the local cloud runs
// (the function bundles) — only when DevTools is configured; otherwise nothing, and the tests are
// skipped with the reason (test/devtools/journeys.test.ts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import { buildHasE2eHook, devtoolsSkipReason, E2E_HOOK, ROOT } from '../journeys/drivers/devtools';

export default async function globalSetup(): Promise<void> {
  if (devtoolsSkipReason(process.env) !== null) return;
  await buildFunctions({ quiet: true });
  const dist = path.join(ROOT, 'dist');
  if (process.env.DEVTOOLS_SKIP_BUILD === '1') {
    if (!buildHasE2eHook(dist)) {
      console.warn(`dist/ was not built with TARO_APP_E2E=1 (no ${E2E_HOOK}): the driver falls back to replacing wx.cloud.callFunction, and calls made at launch fail until it taps 重试.`);
    }
    return;
  }
  const built = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, TARO_APP_E2E: '1' } });
  if (built.status !== 0) throw new Error('TARO_APP_E2E=1 npm run build:weapp failed');
  if (!buildHasE2eHook(dist)) throw new Error(`the E2E weapp build has no ${E2E_HOOK}: is TARO_APP_E2E declared in .env.production (Taro reads TARO_APP_* only when a .env file names it)?`);
}
