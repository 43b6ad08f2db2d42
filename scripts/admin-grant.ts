// npm run admin:grant -- <openid> [--org-name 名称] [--org-id id] [--name 姓名] [--env <envId>]
// Makes a WeChat openid an org admin (the first admin of a fresh install is set this way, never
// by a hard-coded id). Without --env it writes to the local cloud (the running `npm start`, or
// .data/ directly); with --env it writes to that CloudBase environment using
// TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY from the environment.

import { mkdirSync } from 'node:fs';
import { startLocalCloud, type LocalCloud } from '../localcloud';
import { DATA_DIR, readRunningNote } from './lib/running';
import { sdkDatabase } from './lib/sdk';
import { ensureCollections, grantAdmin, type GrantOptions } from './lib/setup';

function parseArgs(argv: string[]): GrantOptions & { envId?: string } {
  const opts: GrantOptions & { envId?: string } = { openid: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} 需要一个值`);
      return v;
    };
    if (a === '--org-name') opts.orgName = next();
    else if (a === '--org-id') opts.orgId = next();
    else if (a === '--name') opts.name = next();
    else if (a === '--env') opts.envId = next();
    else if (!a.startsWith('--') && !opts.openid) opts.openid = a;
    else throw new Error(`不认识的参数 ${a}`);
  }
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(opts.openid)) {
    throw new Error('用法: npm run admin:grant -- <openid> [--org-name 单位名称] [--name 姓名] [--env 云环境ID]');
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  let local: LocalCloud | null = null;
  let db;
  if (opts.envId) {
    db = sdkDatabase({ envId: opts.envId });
  } else {
    const running = readRunningNote();
    if (running) db = sdkDatabase({ env: running.sdkEnv });
    else {
      mkdirSync(DATA_DIR, { recursive: true });
      local = await startLocalCloud({ dataDir: DATA_DIR, devLogin: false });
      db = sdkDatabase({ env: local.sdkEnv() });
      await ensureCollections(db);
    }
  }
  try {
    const r = await grantAdmin(db, opts);
    console.log(`已设为单位管理员：openid ${opts.openid}，成员 ${r.memberId}，单位 ${r.orgId}${r.created ? '（新建名单）' : ''}`);
  } finally {
    await local?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
