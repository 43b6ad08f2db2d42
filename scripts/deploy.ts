// npm run deploy: from this repository to a live WeChat cloud environment, in one command.
//   npm run deploy -- --dry-run   checks every declaration and prints the plan: no credentials,
//                                 no network (it runs in npm test)
//   npm run deploy                checks the configuration too (.deploy.env or the environment;
//                                 see .deploy.env.example and the README's 部署), builds the
//                                 functions, the mini-program and the web app for that environment,
//                                 and applies the plan (scripts/deploy/apply.ts), the web app going
//                                 to the environment's static hosting (scripts/deploy/web.ts)
//   npm run deploy -- --no-web    the same without the web app (hosted elsewhere): it prints the
//                                 build command and the directory to publish instead
// Anything missing or malformed stops it before the first change, with what to set and where.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE } from '../functions/lib/collections';
import { REMINDER_TOPICS } from '../functions/lib/reminders';
import { applyDeploy, DeployStopped, type CompleteConfig } from './deploy/apply';
import { configFrom, configProblems, DEPLOY_ENV_FILE, readDeployVariables } from './deploy/config';
import { buildPlan, formatPlan, loadFunctionDeclarations, PlanError, ROOT, type DeployPlan } from './deploy/plan';
import { buildWebApp, formatWebPlan, webPlanOf } from './deploy/web';

function fail(message: string): never {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const noWeb = process.argv.includes('--no-web');
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let plan: DeployPlan;
  try {
    plan = buildPlan(loadFunctionDeclarations(), DATABASE);
  } catch (err) {
    if (err instanceof PlanError) fail(err.message);
    throw err;
  }
  console.log(formatPlan(plan));

  const config = configFrom(readDeployVariables(ROOT), pkg.version);
  const problems = configProblems(config, ROOT);
  const web = webPlanOf(config, !noWeb);
  console.log('');
  console.log(formatWebPlan(web));
  console.log('');
  if (dryRun) {
    if (problems.length === 0) console.log(`配置齐全 (configuration complete): 环境 ${config.envId}，小程序 ${config.appid}，版本 ${config.version}`);
    else console.log(`配置（真正部署前须补齐，来自环境变量或 ${DEPLOY_ENV_FILE}；dry run 不需要）:\n  ${problems.join('\n  ')}`);
    console.log('\n✓ dry run: 声明有效，计划如上；未连接网络，未做任何更改。');
    return;
  }
  if (problems.length > 0) fail(`部署已停止，未做任何更改。请在环境变量或 ${DEPLOY_ENV_FILE} 中补齐（见 .deploy.env.example 和 README 的“部署”）:\n  ${problems.join('\n  ')}`);
  const complete = config as CompleteConfig;

  console.log('构建云函数 (npm run build:functions)…');
  const { buildFunctions } = await import('./build-functions');
  await buildFunctions();
  console.log(`构建小程序 (npm run build:weapp)，云环境 ${complete.envId}…`);
  const templates = Object.fromEntries(REMINDER_TOPICS.map((t) => [`TARO_APP_TEMPLATE_${t.toUpperCase()}`, complete.templateIds[t] ?? '']));
  const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_CLOUD_ENV: complete.envId, ...templates },
  });
  if (build.status !== 0) fail('小程序构建失败，未做任何更改 (the weapp build failed)');

  const { loadClients } = await import('./deploy/clients');
  const clients = await loadClients(complete);
  try {
    await applyDeploy(plan, complete, clients, { web: noWeb ? null : { plan: web, build: (env) => buildWebApp(env) } });
  } catch (err) {
    if (err instanceof DeployStopped) fail(err.message);
    throw err;
  }
  if (noWeb) console.log(`\n${formatWebPlan(web)}`);
  console.log('\n✓ 部署完成 (deployed)');
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
