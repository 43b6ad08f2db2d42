// What each function declares besides its code, read from the files WeChat and the CloudBase CLI
// read: timeouts and memory (cloudbaserc.json), timer triggers and OpenAPI permissions
// (config.json); without them, the platform's defaults.
import type { LocalCloud } from '../../localcloud';
import { InvocationError } from '../../localcloud';
import { startTestCloud } from './helpers';

let cloud: LocalCloud;

beforeAll(async () => {
  // No timeout override: each function runs under its own declaration.
  cloud = await startTestCloud({ maxInstancesPerFunction: 2 });
  cloud.db.createCollection('ticks');
});

afterAll(async () => {
  await cloud.close();
});

test('a declared timeout and memory reach the function and bound it; an undeclared function gets WeChat’s 3 s', async () => {
  expect(cloud.functionSettings('slow')).toMatchObject({ timeoutMs: 1000, memoryMb: 128, runtime: 'Nodejs16.13' });
  expect(cloud.functionSettings('boom')).toMatchObject({ timeoutMs: 3000, memoryMb: 256, runtime: null, triggers: [], openapi: [] });
  const { result } = await cloud.invoke('whoami', {}, { openid: 'o-1' });
  expect((result as { limits: unknown }).limits).toEqual({ memoryMb: 512, timeMs: 5000 });
  await expect(cloud.invoke('slow', { ms: 600 }, { openid: 'o-1' })).resolves.toMatchObject({ result: { slept: 600 } });
  const failure = await cloud.invoke('slow', { ms: 1500 }, { openid: 'o-1' }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(InvocationError);
  expect(failure).toMatchObject({ kind: 'timeout', message: 'Task timed out after 1.00 seconds' });
});

test('timer triggers run by their cron with the trigger’s name and no caller, and stop when asked', async () => {
  expect(cloud.functionSettings('ticker').triggers).toEqual([{ name: 'everySecond', cron: '* * * * * * *' }]);
  const stop = cloud.startTimers();
  const deadline = Date.now() + 5_000;
  while (cloud.db.count('ticks', {}) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  stop();
  const ticks = cloud.db.find('ticks', {});
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  for (const t of ticks) expect(t).toMatchObject({ trigger: 'everySecond', type: 'Timer', openid: '' });
  await new Promise((r) => setTimeout(r, 1_300));
  const after = cloud.db.count('ticks', {});
  await new Promise((r) => setTimeout(r, 1_300));
  expect(cloud.db.count('ticks', {})).toBe(after);
});
