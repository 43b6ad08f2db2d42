// Scale-out like the platform: an instance per concurrent invocation up to the cap, cold starts
// counted, warm instances reused, idle ones stopped.
import { startTestCloud } from './helpers';

test('12 concurrent calls get 12 instances (12 cold starts); the next 12 reuse them warm', async () => {
  const cloud = await startTestCloud({ maxInstancesPerFunction: 32, invocationTimeoutMs: 10_000 });
  try {
    const first = await Promise.all(Array.from({ length: 12 }, () => cloud.invoke('slow', { ms: 2000 }, { openid: 'o-1' })));
    expect(first.filter((r) => r.coldStart)).toHaveLength(12);
    expect(cloud.functionCounts().slow).toMatchObject({ invocations: 12, coldStarts: 12, instances: 12, peakInstances: 12 });
    const again = await Promise.all(Array.from({ length: 12 }, () => cloud.invoke('slow', { ms: 50 }, { openid: 'o-1' })));
    expect(again.filter((r) => r.coldStart)).toHaveLength(0);
    expect(cloud.functionCounts().slow).toMatchObject({ invocations: 24, coldStarts: 12, peakInstances: 12 });
  } finally {
    await cloud.close();
  }
}, 30_000);

test('the cap holds: 6 concurrent calls on a cap of 3 run on 3 instances; idle instances stop', async () => {
  const cloud = await startTestCloud({ maxInstancesPerFunction: 3, instanceIdleMs: 300 });
  try {
    await Promise.all(Array.from({ length: 6 }, () => cloud.invoke('slow', { ms: 200 }, { openid: 'o-1' })));
    expect(cloud.functionCounts().slow).toMatchObject({ invocations: 6, coldStarts: 3, peakInstances: 3 });
    await new Promise((r) => setTimeout(r, 900));
    expect(cloud.functionCounts().slow.instances).toBe(0);
  } finally {
    await cloud.close();
  }
}, 30_000);
