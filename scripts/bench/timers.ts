// The quiz's and the points' timers alone, over the demo organisation and the bench's 505-unit one:
// DB operations and time of three runs each (the first does the day's work, later ones find it
// done). `npm run bench` prints the same table after the quiz bursts.
//
//   npx tsx scripts/bench/timers.ts

import { startLocalCloud } from '../../localcloud';
import { resolveDemoKey } from '../lib/demo-data';
import { sdkDatabase } from '../lib/sdk';
import { ensureCollections, seedDemo } from '../lib/setup';
import { quizTimerCost } from './jobs';
import { prepareBigOrg } from './prepare';

async function main(): Promise<void> {
  const cloud = await startLocalCloud({ dataDir: ':memory:', resolveDemoKey, logger: () => undefined });
  try {
    const db = sdkDatabase({ env: cloud.sdkEnv() });
    await ensureCollections(db);
    await seedDemo(db);
    await prepareBigOrg(db);
    console.log(await quizTimerCost(cloud));
  } finally {
    await cloud.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
