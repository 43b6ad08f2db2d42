// npm start: build the cloud functions and the H5 app, start the local cloud on .data/ with the
// H5 app, create the collections, seed the demo organisation once, and print where to open it.
// `npm start -- --empty` starts an empty local cloud instead (its own folder, .data-empty/, no
// demo data), so the first run of a new organisation can be tried: grant the first admin, then
// set everything up from 管理后台.
// For development, demos and trials only: production runs on WeChat's cloud.

import { mkdirSync } from 'node:fs';
import { startLocalCloud } from '../localcloud';
import { INDEXES } from '../functions/lib/collections';
import { buildFunctions } from './build-functions';
import { localFunctionEnv } from './lib/function-env';
import { DEMO_BRANCHES, DEMO_MEMBERS, DEMO_USERS, resolveDemoKey } from './lib/demo-data';
import { buildH5, H5_DIR } from './lib/h5';
import { clearRunningNote, DATA_DIR, writeRunningNote } from './lib/running';
import { sdkDatabase } from './lib/sdk';
import { seedDemoCampaign } from './lib/demo-campaign';
import { seedDemoCheckins } from './lib/demo-checkins';
import { seedDemoContent } from './lib/demo-content';
import { seedDemoContest, seedDemoExams } from './lib/demo-exams';
import { ensureCollections, migrateRenamedCollections, migrateToTree, seedDemo } from './lib/setup';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const empty = process.argv.includes('--empty');
  const dataDir = empty ? `${DATA_DIR}-empty` : DATA_DIR;
  console.log('构建云函数 (cloud functions)…');
  await buildFunctions();
  console.log('构建 H5 应用 (H5 build)…');
  buildH5();

  mkdirSync(dataDir, { recursive: true });
  mkdirSync(DATA_DIR, { recursive: true }); // the running note lives there in both modes
  const cloud = await startLocalCloud({
    dataDir,
    port,
    staticDir: H5_DIR,
    devLogin: true,
    resolveDemoKey,
    // The project's declared indexes (functions/lib/collections.ts); the unique ones are enforced.
    indexes: INDEXES,
    // The functions' environment variables (the reminder template ids, the web app's address:
    // this server's, which serves the H5 app), as a deploy sets them.
    functionEnv: localFunctionEnv,
    // Function output only when asked; the guard's refusals, failed timers and refused OpenAPI calls always.
    logger: (line) => {
      if (process.env.LOCALCLOUD_VERBOSE || /^\[(guard|timer|openapi)\]/.test(line)) console.log(line);
    },
  });
  writeRunningNote({ pid: process.pid, url: cloud.url, sdkEnv: cloud.sdkEnv() });
  const db = sdkDatabase({ env: cloud.sdkEnv() });
  await ensureCollections(db);
  // A .data/ folder from before the organisation tree is brought up to it (once, idempotent).
  await migrateToTree(db);
  await migrateRenamedCollections(db);
  if (empty) {
    console.log(`
本地云已启动，这是一个空白环境 (an empty local cloud)。数据目录 ${dataDir}

  打开 (open):  ${cloud.url}/
  1. 在登录页“使用其他身份”中输入一个 openid，例如 first-admin，进入后在“我的”里可看到它；
  2. 在另一个终端授予第一位单位管理员：
       npm run admin:grant -- first-admin --org-name "某某单位党委" --name "您的姓名"
  3. 回到浏览器，进入“我的 → 管理后台”，按“开始使用”的四个步骤建立组织、导入名单、邀请绑定。

  删除 ${dataDir} 目录即可从头再来。按 Ctrl+C 停止。
`);
    const stopEmpty = async () => {
      clearRunningNote();
      await cloud.close();
      process.exit(0);
    };
    process.on('SIGINT', stopEmpty);
    process.on('SIGTERM', stopEmpty);
    return;
  }
  // The demo organisation is dated a month back, so the seeded check-in history falls after the
  // members were bound (days before a member joined are not counted as missed).
  const { seeded } = await seedDemo(db, new Date(Date.now() - 30 * 86_400_000));
  await seedDemoExams(cloud, db);
  await seedDemoContest(cloud, db);
  await seedDemoCheckins(cloud, db);
  await seedDemoContent(cloud, db);
  // After the exams and the content: the campaign attaches their open exam and 党课.
  await seedDemoCampaign(cloud, db);
  // The functions' timer triggers, as each declares them (functions/<name>/function.ts, written to
  // cloudfunctions/<name>/config.json): the exam sweep every minute, reminders every five.
  const stopTimers = cloud.startTimers();

  const unbound = DEMO_MEMBERS.filter((m) => !m.openid).slice(0, 2);
  console.log(`
本地云已启动 (local cloud is running)。数据目录 ${dataDir}${seeded ? '（已写入演示数据）' : ''}

  打开 (open):  ${cloud.url}/

  演示身份 (demo sign-ins, 在登录页点选):
${DEMO_USERS.map((u) => `    ${u.key.padEnd(10)} ${u.label}`).join('\n')}
  也可输入任意 openid，以新用户身份体验“绑定党支部”：
${unbound
  .map((m) => {
    const b = DEMO_BRANCHES.find((x) => x.id === m.branch);
    return `    姓名 ${m.name}，邀请码 ${b?.inviteCode}（${b?.name}）`;
  })
  .join('\n')}

  仅用于开发、测试、演示和试用；正式环境运行在微信云开发上。按 Ctrl+C 停止。
`);

  const stop = async () => {
    stopTimers();
    clearRunningNote();
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
