// npm run seed: create the collections and seed the demo organisation into the local cloud (the
// running `npm start`, or .data/ directly). Idempotent: a second run changes nothing.
// `npm start` already does this; this command is for a data directory started without it.

import { mkdirSync } from 'node:fs';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { DATA_DIR, readRunningNote } from './lib/running';
import { sdkDatabase } from './lib/sdk';
import { ensureCollections, migrateRenamedCollections, migrateToTree, seedDemo } from './lib/setup';

async function main(): Promise<void> {
  let local: LocalCloud | null = null;
  const running = readRunningNote();
  let env: Record<string, string>;
  if (running) env = running.sdkEnv;
  else {
    mkdirSync(DATA_DIR, { recursive: true });
    local = await startLocalCloud({ dataDir: DATA_DIR, devLogin: false });
    env = local.sdkEnv();
  }
  try {
    const db = sdkDatabase({ env });
    const created = await ensureCollections(db);
    const migrated = await migrateToTree(db);
    await migrateRenamedCollections(db);
    const { seeded } = await seedDemo(db);
    console.log(`集合：新建 ${created.length} 个；升级到组织树：${migrated.units} 个组织、${migrated.members} 名党员；演示数据：${seeded ? '已写入' : '已存在，未改动'}`);
  } finally {
    await local?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
