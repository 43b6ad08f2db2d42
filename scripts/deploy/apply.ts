// Applies a checked plan to a cloud environment through the two clients (clients.ts), in an
// order that never leaves members on a client newer than its server:
//   1. read what exists (functions, their runtimes and triggers; the static hosting): a function
//      whose runtime differs from its declaration (SCF sets a runtime only when it creates a
//      function), or a static hosting not opened, stops the deploy here, before anything changes;
//      then the web app is built for the environment (a failed build changes nothing either);
//   2. the database: each collection created if missing, its permission set, its missing indexes
//      created (an index the declaration no longer names is reported, never dropped);
//   3. each function: code (miniprogram-ci; a new function is created by the manager with its
//      declared runtime), then timeout, memory and environment variables, then its timer triggers
//      made to match the declaration exactly;
//   4. the web app (web.ts): every file of .build/h5 to the static hosting's root, index.html last,
//      so a page loaded meanwhile never names a chunk not there yet. After the functions: the web
//      app is live the moment it is uploaded and calls them. Before the mini-program: its upload is
//      only a development version, and the run ends with the one step left to a person (review);
//   5. the mini-program's code (miniprogram-ci upload: a development version to submit for review).

import path from 'node:path';
import type { DeployConfig } from './config';
import type { DeployClients, HostingInfo } from './clients';
import { functionEnvValues, type DeployPlan, type FunctionPlan } from './plan';
import type { WebBuildEnv, WebPlan } from './web';

/** The deploy stopped before changing anything: every reason, in words. */
export class DeployStopped extends Error {
  constructor(readonly reasons: string[]) {
    super(`部署已停止，未做任何更改 (stopped before any change):\n  ${reasons.join('\n  ')}`);
    this.name = 'DeployStopped';
  }
}

/** A checked configuration: every value the deploy needs is there (configProblems found nothing). */
export type CompleteConfig = DeployConfig & Required<Pick<DeployConfig, 'appid' | 'uploadKeyPath' | 'envId' | 'secretId' | 'secretKey' | 'webAppUrl' | 'uploadTicketKey'>>;

/** The web app step of a deploy: its plan and the build (web.ts buildWebApp; a stand-in in tests). */
export interface WebStep {
  plan: WebPlan;
  build: (env: WebBuildEnv) => void | Promise<void>;
}

export interface ApplyOptions {
  /** null with --no-web: no build, no hosting call. */
  web: WebStep | null;
  log?: (line: string) => void;
}

const HOSTING_CONSOLE = '云开发控制台 → 静态网站托管';

/** Why the static hosting cannot take the web app (none when it is online), in words. */
export function hostingProblem(hostings: HostingInfo[] | null | undefined, envId: string): string | undefined {
  const h = hostings?.[0];
  const skip = '（网页版放在别处时，加 --no-web 跳过这一步）';
  if (!h || h.Status === 'offline') return `环境 ${envId} 未开通静态网站托管：请在 ${HOSTING_CONSOLE} 中开通，再重新部署${skip}`;
  if (h.Status === 'init' || h.Status === 'process') return `环境 ${envId} 的静态网站托管正在开通（${h.Status}）：请几分钟后在 ${HOSTING_CONSOLE} 确认已上线，再重新部署`;
  if (h.Status !== 'online') return `环境 ${envId} 的静态网站托管状态为 ${h.Status}，无法上传：请在 ${HOSTING_CONSOLE} 查看${skip}`;
  return undefined;
}

/** Step 4: the built web app to the hosting's root, index.html last (the other files are content-hashed). */
async function publishWebApp(web: WebPlan, clients: DeployClients, log: (line: string) => void): Promise<void> {
  const { hosting } = clients.manager;
  const retry = { retryCount: 2, retryInterval: 1000 };
  await hosting.uploadFiles({ localPath: web.dir, cloudPath: '', ignore: ['.DS_Store', 'index.html'], ...retry });
  await hosting.uploadFiles({ localPath: path.join(web.dir, 'index.html'), cloudPath: 'index.html', ...retry });
  log(`  网页版已上传到静态网站托管；${web.webAppUrl ?? 'WEB_APP_URL'} 应为托管的默认域名或绑定到它的自定义域名`);
}

interface Existing {
  runtime: string;
  triggers: Array<{ name: string; type: string; cron: string }>;
}

/** Step 1: the functions that exist, with their runtime and triggers (read only). */
async function readFunctions(plan: DeployPlan, clients: DeployClients): Promise<Map<string, Existing>> {
  const listed = await clients.manager.functions.listFunctions(100, 0);
  const names = new Set(listed.map((f) => f.FunctionName));
  const out = new Map<string, Existing>();
  for (const f of plan.functions) {
    if (!names.has(f.name)) continue;
    const detail = await clients.manager.functions.getFunctionDetail(f.name);
    out.set(f.name, {
      runtime: detail.Runtime,
      triggers: (detail.Triggers ?? []).map((t) => ({ name: t.TriggerName, type: t.Type, cron: t.TriggerDesc })),
    });
  }
  return out;
}

async function applyDatabase(plan: DeployPlan, clients: DeployClients, log: (line: string) => void): Promise<void> {
  const { database, permission } = clients.manager;
  for (const c of plan.collections) {
    const created = await database.createCollectionIfNotExists(c.name);
    await permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: c.permission });
    const described = await database.describeCollection(c.name);
    const have = new Set((described.Indexes ?? []).map((i) => i.Name));
    const missing = c.indexes.filter((i) => !have.has(i.name));
    if (missing.length > 0) {
      await database.updateCollection(c.name, {
        CreateIndexes: missing.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIndexKeys: i.fields.map((name) => ({ Name: name, Direction: '1' })), MgoIsUnique: i.unique },
        })),
      });
    }
    const declared = new Set(c.indexes.map((i) => i.name));
    const stray = [...have].filter((n) => n !== '_id_' && !declared.has(n));
    log(`  集合 ${c.name}: ${created.IsCreated ? '已创建' : '已存在'}，权限 ${c.permission}，新建索引 ${missing.length} 个${stray.length ? `（未声明的索引保留未删：${stray.join(', ')}）` : ''}`);
  }
}

async function applyFunction(fn: FunctionPlan, existing: Existing | undefined, config: CompleteConfig, clients: DeployClients, project: unknown, log: (line: string) => void): Promise<void> {
  const { functions } = clients.manager;
  const envVariables = functionEnvValues(fn, config);
  if (!existing) {
    // A new function: created with its declared runtime (miniprogram-ci cannot choose one).
    await functions.createFunction({
      func: { name: fn.name, runtime: fn.runtime, handler: 'index.main', installDependency: true, timeout: fn.timeoutSeconds, memorySize: fn.memoryMb, envVariables, description: fn.description, ignore: ['node_modules', 'node_modules/**/*'] },
      functionRootPath: path.dirname(fn.dir),
      force: false,
    });
  } else {
    await clients.ci.cloud.uploadFunction({ project: project as never, env: config.envId, name: fn.name, path: fn.dir, remoteNpmInstall: true });
  }
  // Replaces the function's variables with the declared ones (the console's own are not kept).
  await functions.updateFunctionConfig({ name: fn.name, timeout: fn.timeoutSeconds, memorySize: fn.memoryMb, envVariables, description: fn.description });
  const current = existing?.triggers ?? [];
  const same = (a: { name: string; cron: string }, b: { name: string; cron: string }) => a.name === b.name && a.cron.trim() === b.cron.trim();
  for (const t of current) {
    if (t.type !== 'timer' || !fn.triggers.some((d) => same(d, t))) await functions.deleteFunctionTrigger(fn.name, t.name);
  }
  const missing = fn.triggers.filter((d) => !current.some((t) => t.type === 'timer' && same(d, t)));
  if (missing.length > 0) await functions.createFunctionTriggers(fn.name, missing.map((t) => ({ name: t.name, type: 'timer', config: t.cron })));
  log(`  云函数 ${fn.name}: ${existing ? '代码已更新' : `已创建 (${fn.runtime})`}，超时 ${fn.timeoutSeconds} s，内存 ${fn.memoryMb} MB，环境变量 ${Object.keys(envVariables).length} 个，触发器 ${fn.triggers.length} 个`);
}

/**
 * Applies the plan (and the web app unless options.web is null); throws DeployStopped (nothing
 * changed) when what exists cannot take it or the web app does not build.
 */
export async function applyDeploy(plan: DeployPlan, config: CompleteConfig, clients: DeployClients, options: ApplyOptions): Promise<void> {
  const log = options.log ?? console.log;
  const { web } = options;
  log(`读取云环境中已有的云函数${web ? '和静态网站托管' : ''} (reading the environment)…`);
  const existing = await readFunctions(plan, clients);
  const stops = plan.functions.flatMap((f) => {
    const e = existing.get(f.name);
    return e && e.runtime !== f.runtime
      ? [`云函数 ${f.name} 的运行时是 ${e.runtime}，声明的是 ${f.runtime}：运行时只能在创建时指定，请在云开发控制台删除该函数后重新部署（或改回声明）`]
      : [];
  });
  if (web) {
    const problem = hostingProblem(await clients.manager.hosting.getInfo(), config.envId);
    if (problem) stops.push(problem);
  }
  if (stops.length > 0) throw new DeployStopped(stops);

  if (web) {
    log(`构建网页版 (npm run build:h5)，云环境 ${web.plan.env.TARO_APP_CLOUDBASE_ENV}，地域 ${web.plan.env.TARO_APP_CLOUDBASE_REGION}…`);
    try {
      await web.build(web.plan.env);
    } catch (err) {
      throw new DeployStopped([err instanceof Error ? err.message : String(err)]);
    }
  }

  log('数据库：集合、权限、索引 (database)…');
  await applyDatabase(plan, clients, log);

  const project = new clients.ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath: plan.projectPath,
    privateKeyPath: path.resolve(plan.projectPath, config.uploadKeyPath),
    ignores: ['node_modules/**/*'],
  });
  log('云函数 (cloud functions)…');
  for (const fn of plan.functions) await applyFunction(fn, existing.get(fn.name), config, clients, project, log);

  if (web) {
    log('网页版 (web app → 静态网站托管)…');
    await publishWebApp(web.plan, clients, log);
  }

  log(`上传小程序代码 ${config.version} (mini-program upload)…`);
  await clients.ci.upload({ project, version: config.version, desc: config.desc, robot: config.robot, setting: { useProjectConfig: true } });
  log('完成：在微信公众平台 → 管理 → 版本管理 中把这个开发版本设为体验版或提交审核。');
}
