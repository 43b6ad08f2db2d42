// `npm run deploy` against a stand-in of its two APIs (miniprogram-ci and the CloudBase manager):
// clients typed as the libraries' own, recording every call, over an environment where some
// functions and collections exist already. The calls must carry every declared setting; a runtime
// that cannot be changed, a static hosting not opened, or a broken declaration, stops the deploy
// before any change. The web app's build is a stand-in too (it records the variables it was given);
// its upload goes to the stand-in hosting. The dry run itself runs as a newcomer runs it: no
// credentials, no network.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE, type CollectionDeclaration } from '../../functions/lib/collections';
import { applyDeploy, DeployStopped, type CompleteConfig, type WebStep } from '../../scripts/deploy/apply';
import type { CiApi, DeployClients, HostingInfo, ManagerApi } from '../../scripts/deploy/clients';
import { configFrom } from '../../scripts/deploy/config';
import { buildPlan, loadFunctionDeclarations, PlanError, ROOT, type DeployPlan } from '../../scripts/deploy/plan';
import { webPlanOf, type WebBuildEnv } from '../../scripts/deploy/web';

interface Call {
  api: string;
  arg: Record<string, unknown>;
}

interface Environment {
  functions: Record<string, { runtime: string; triggers: Array<{ name: string; cron: string }> }>;
  collections: Record<string, string[]>;
  /** The static hosting's status (getInfo's first entry); absent: never opened (an empty list). Default online. */
  hosting?: HostingInfo['Status'] | 'none';
}

const hostingInfo = (Status: string): HostingInfo => ({ EnvId: 'prod-1a2b3c', CdnDomain: 'prod-1a2b3c-1250000000.tcloudbaseapp.com', Bucket: 'b', Regoin: 'ap-shanghai', Status, MaxDomain: 5, Id: 1, PolicyId: 1 });

/** Clients that answer as the APIs would for `env` and record each call, in order. */
function standIn(env: Environment): { clients: DeployClients; calls: Call[] } {
  const calls: Call[] = [];
  const record = (api: string, arg: unknown) => calls.push({ api, arg: (arg ?? {}) as Record<string, unknown> });
  class Project {
    constructor(readonly options: Record<string, unknown>) {
      record('ci.Project', options);
    }
  }
  const ci: CiApi = {
    Project: Project as unknown as CiApi['Project'],
    upload: async (o) => {
      record('ci.upload', o);
      return {};
    },
    cloud: {
      uploadFunction: async (o) => {
        record('ci.cloud.uploadFunction', o);
        return { filesCount: 2, packSize: 1024 };
      },
    },
  };
  const manager: ManagerApi = {
    functions: {
      listFunctions: async (limit, offset) => {
        record('functions.listFunctions', { limit, offset });
        return Object.entries(env.functions).map(([FunctionName, f]) => ({ FunctionName, Runtime: f.runtime }));
      },
      getFunctionDetail: async (name) => {
        record('functions.getFunctionDetail', { name });
        const f = env.functions[name];
        return { FunctionName: name, Runtime: f.runtime, Triggers: f.triggers.map((t) => ({ TriggerName: t.name, Type: 'timer', TriggerDesc: t.cron })) } as never;
      },
      createFunction: async (p) => {
        record('functions.createFunction', p);
        return { RequestId: 'r' } as never;
      },
      updateFunctionConfig: async (f) => {
        record('functions.updateFunctionConfig', f);
        return { RequestId: 'r' };
      },
      createFunctionTriggers: async (name, triggers) => {
        record('functions.createFunctionTriggers', { name, triggers });
        return { RequestId: 'r' };
      },
      deleteFunctionTrigger: async (name, triggerName) => {
        record('functions.deleteFunctionTrigger', { name, triggerName });
        return { RequestId: 'r' };
      },
    },
    database: {
      createCollectionIfNotExists: async (name) => {
        record('database.createCollectionIfNotExists', { name });
        return { RequestId: 'r', IsCreated: !(name in env.collections), ExistsResult: { RequestId: 'r', Exists: name in env.collections } } as never;
      },
      describeCollection: async (name) => {
        record('database.describeCollection', { name });
        return { RequestId: 'r', Indexes: ['_id_', ...(env.collections[name] ?? [])].map((Name) => ({ Name })) } as never;
      },
      updateCollection: async (name, info) => {
        record('database.updateCollection', { name, ...info });
        return { RequestId: 'r' };
      },
    },
    permission: {
      modifyResourcePermission: async (o) => {
        record('permission.modifyResourcePermission', o);
        return { RequestId: 'r', Success: true } as never;
      },
    },
    hosting: {
      getInfo: async () => {
        record('hosting.getInfo', {});
        const status = env.hosting ?? 'online';
        return status === 'none' ? [] : [hostingInfo(status)];
      },
      uploadFiles: async (o) => {
        record('hosting.uploadFiles', o);
        return {};
      },
    },
  };
  return { clients: { ci, manager }, calls };
}

const root = mkdtempSync(path.join(tmpdir(), 'deploy-standin-'));
writeFileSync(path.join(root, 'private.wx0123456789abcdef.key'), 'stand-in key');
const config = configFrom(
  {
    WECHAT_APPID: 'wx0123456789abcdef',
    WECHAT_UPLOAD_KEY_PATH: path.join(root, 'private.wx0123456789abcdef.key'),
    CLOUD_ENV_ID: 'prod-1a2b3c',
    TENCENTCLOUD_SECRETID: 'AKIDstandin',
    TENCENTCLOUD_SECRETKEY: 'standin',
    TEMPLATE_ID_EXAM: 'tpl-exam-0123456789',
    TEMPLATE_ID_CHECKIN: 'tpl-checkin-0123456789',
    TEMPLATE_ID_EVENT: 'tpl-event-0123456789',
    TEMPLATE_ID_CAMPAIGN: 'tpl-campaign-0123456789',
    WEB_APP_URL: 'https://dj.example.org.cn',
    UPLOAD_TICKET_KEY: 'a'.repeat(64),
    DEPLOY_VERSION: '1.2.3',
  },
  '0.1.0',
) as CompleteConfig;
const TEMPLATES = { TEMPLATE_ID_EXAM: 'tpl-exam-0123456789', TEMPLATE_ID_CHECKIN: 'tpl-checkin-0123456789', TEMPLATE_ID_EVENT: 'tpl-event-0123456789', TEMPLATE_ID_CAMPAIGN: 'tpl-campaign-0123456789' };

const plan: DeployPlan = buildPlan(loadFunctionDeclarations(), DATABASE);
const of = (calls: Call[], api: string) => calls.filter((c) => c.api === api);
const quiet = () => undefined;
const H5 = path.join(ROOT, '.build', 'h5');

/** The web app step with a stand-in build that records, in `calls`, the variables it was given. */
function webStep(calls: Call[], deployConfig: CompleteConfig = config): WebStep {
  return {
    plan: webPlanOf(deployConfig, true),
    build: (env: WebBuildEnv) => {
      calls.push({ api: 'build.h5', arg: { ...env } });
    },
  };
}

describe('a deploy over an environment that has some of it already', () => {
  const env: Environment = {
    // org exists without triggers; checkin with a stale cron for its trigger and a trigger no longer declared.
    functions: {
      org: { runtime: 'Nodejs16.13', triggers: [] },
      checkin: { runtime: 'Nodejs16.13', triggers: [{ name: 'dailyReminders', cron: '0 0 20 * * * *' }, { name: 'cleanup', cron: '0 0 3 * * * *' }] },
    },
    // members exists with one of its indexes and one no longer declared.
    collections: { members: ['unitId_1_name_1', 'old_1'] },
  };
  const { clients, calls } = standIn(env);
  beforeAll(async () => {
    await applyDeploy(plan, config, clients, { web: webStep(calls), log: quiet });
  });

  it('creates every collection with its declared permission and every missing index, in prefix order, unique where declared', () => {
    expect(of(calls, 'database.createCollectionIfNotExists').map((c) => c.arg.name)).toEqual(plan.collections.map((c) => c.name));
    expect(of(calls, 'permission.modifyResourcePermission').map((c) => c.arg)).toEqual(plan.collections.map((c) => ({ resourceType: 'collection', resource: c.name, permission: c.permission })));
    type Made = Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }>;
    const created = new Map(of(calls, 'database.updateCollection').map((c): [string, Made] => [c.arg.name as string, c.arg.CreateIndexes as Made]));
    for (const c of plan.collections) {
      const expected = c.indexes.filter((i) => !(env.collections[c.name] ?? []).includes(i.name));
      const made = created.get(c.name) ?? [];
      expect(made.map((i) => ({ name: i.IndexName, fields: i.MgoKeySchema.MgoIndexKeys.map((k) => k.Name), unique: i.MgoKeySchema.MgoIsUnique }))).toEqual(expected);
      for (const i of made) expect(i.MgoKeySchema.MgoIndexKeys.every((k) => k.Direction === '1')).toBe(true);
    }
    // The index members had already is not created again; the undeclared one is left alone.
    expect(created.get('members')?.map((i) => i.IndexName)).not.toContain('unitId_1_name_1');
    expect(calls.some((c) => JSON.stringify(c.arg).includes('DropIndexes'))).toBe(false);
    // Permissions are ADMINONLY for answer keys, attempts, rosters and ledgers.
    for (const name of ['examQuestions', 'examAttempts', 'members', 'identities', 'pointsLedger', 'reminderCredits']) {
      expect(of(calls, 'permission.modifyResourcePermission').find((c) => c.arg.resource === name)?.arg.permission).toBe('ADMINONLY');
    }
  });

  it('uploads every function: a new one created with its declared runtime, an existing one through miniprogram-ci', () => {
    const createdFns = of(calls, 'functions.createFunction').map((c) => c.arg as { func: Record<string, unknown>; functionRootPath: string });
    const uploaded = of(calls, 'ci.cloud.uploadFunction').map((c) => c.arg);
    expect(uploaded.map((u) => u.name).sort()).toEqual(['checkin', 'org']);
    for (const u of uploaded) expect(u).toMatchObject({ env: 'prod-1a2b3c', path: path.join(ROOT, 'cloudfunctions', u.name as string), remoteNpmInstall: true });
    expect(createdFns.map((c) => c.func.name).sort()).toEqual(plan.functions.map((f) => f.name).filter((n) => n !== 'org' && n !== 'checkin').sort());
    for (const c of createdFns) {
      const f = plan.functions.find((p) => p.name === c.func.name) as DeployPlan['functions'][number];
      expect(c.functionRootPath).toBe(path.join(ROOT, 'cloudfunctions'));
      expect(c.func).toMatchObject({ runtime: f.runtime, handler: 'index.main', installDependency: true, timeout: f.timeoutSeconds, memorySize: f.memoryMb });
    }
  });

  it('sets every function’s timeout, memory and environment: the template ids where it sends messages, the web app address on event, the upload key everywhere', () => {
    const configs = of(calls, 'functions.updateFunctionConfig').map((c) => c.arg);
    expect(configs.map((c) => c.name)).toEqual(plan.functions.map((f) => f.name));
    for (const f of plan.functions) {
      const c = configs.find((x) => x.name === f.name) as Record<string, unknown>;
      expect(c).toMatchObject({ timeout: f.timeoutSeconds, memorySize: f.memoryMb });
      const sends = f.openapi.includes('subscribeMessage.send');
      const own = f.name === 'event' ? { WEB_APP_URL: 'https://dj.example.org.cn' } : {};
      expect(c.envVariables).toEqual({ ...(sends ? TEMPLATES : {}), ...own, UPLOAD_TICKET_KEY: 'a'.repeat(64) });
    }
    expect(configs.find((c) => c.name === 'checkin')).toMatchObject({ timeout: 60 });
  });

  it('makes every function’s timer triggers exactly the declared ones', () => {
    const made = of(calls, 'functions.createFunctionTriggers').map((c) => c.arg as { name: string; triggers: Array<{ name: string; type: string; config: string }> });
    const expected = plan.functions.filter((f) => f.triggers.length > 0).map((f) => ({ name: f.name, triggers: f.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron })) }));
    expect(made).toEqual(expected);
    expect(of(calls, 'functions.deleteFunctionTrigger').map((c) => c.arg)).toEqual([
      { name: 'checkin', triggerName: 'dailyReminders' },
      { name: 'checkin', triggerName: 'cleanup' },
    ]);
  });

  it('changes the database first, then the functions, and uploads the mini-program last with the upload key', () => {
    const index = (api: string) => calls.findIndex((c) => c.api.startsWith(api));
    const lastDb = calls.map((c) => c.api).lastIndexOf('database.updateCollection');
    expect(lastDb).toBeLessThan(index('functions.createFunction'));
    expect(lastDb).toBeLessThan(index('ci.cloud.uploadFunction'));
    expect(calls.at(-1)).toMatchObject({ api: 'ci.upload', arg: { version: '1.2.3', robot: 1 } });
    expect(of(calls, 'ci.Project')).toEqual([
      { api: 'ci.Project', arg: { appid: 'wx0123456789abcdef', type: 'miniProgram', projectPath: ROOT, privateKeyPath: path.join(root, 'private.wx0123456789abcdef.key'), ignores: ['node_modules/**/*'] } },
    ]);
  });

  it('checks the static hosting and builds the web app for the environment before any change', () => {
    const apis = calls.map((c) => c.api);
    const firstChange = apis.findIndex((a) => !/listFunctions|getFunctionDetail|hosting\.getInfo|build\.h5/.test(a));
    expect(of(calls, 'hosting.getInfo')).toHaveLength(1);
    expect(apis.indexOf('hosting.getInfo')).toBeLessThan(apis.indexOf('build.h5'));
    expect(apis.indexOf('build.h5')).toBeLessThan(firstChange);
    expect(of(calls, 'build.h5')).toEqual([{ api: 'build.h5', arg: { NODE_ENV: 'production', TARO_APP_CLOUDBASE_ENV: 'prod-1a2b3c', TARO_APP_CLOUDBASE_REGION: 'ap-shanghai' } }]);
  });

  it('uploads the web app to the hosting’s root after the functions and before the mini-program, index.html last', () => {
    const uploads = of(calls, 'hosting.uploadFiles').map((c) => c.arg);
    expect(uploads).toEqual([
      expect.objectContaining({ localPath: H5, cloudPath: '', ignore: ['.DS_Store', 'index.html'] }),
      expect.objectContaining({ localPath: path.join(H5, 'index.html'), cloudPath: 'index.html' }),
    ]);
    const apis = calls.map((c) => c.api);
    const lastFunction = Math.max(apis.lastIndexOf('functions.updateFunctionConfig'), apis.lastIndexOf('functions.createFunctionTriggers'));
    expect(apis.indexOf('hosting.uploadFiles')).toBeGreaterThan(lastFunction);
    expect(apis.lastIndexOf('hosting.uploadFiles')).toBeLessThan(apis.indexOf('ci.upload'));
  });
});

describe('the web app step', () => {
  it('builds for the configured region', async () => {
    const guangzhou = { ...config, cloudRegion: 'ap-guangzhou' };
    const { clients, calls } = standIn({ functions: {}, collections: {} });
    await applyDeploy(plan, guangzhou, clients, { web: webStep(calls, guangzhou), log: quiet });
    expect(of(calls, 'build.h5').map((c) => c.arg)).toEqual([{ NODE_ENV: 'production', TARO_APP_CLOUDBASE_ENV: 'prod-1a2b3c', TARO_APP_CLOUDBASE_REGION: 'ap-guangzhou' }]);
    expect(of(calls, 'hosting.uploadFiles')).toHaveLength(2);
  });

  it('with --no-web (no web step) makes no hosting call and no build', async () => {
    const { clients, calls } = standIn({ functions: {}, collections: {}, hosting: 'none' });
    await applyDeploy(plan, config, clients, { web: null, log: quiet });
    expect(calls.filter((c) => c.api.startsWith('hosting.') || c.api === 'build.h5')).toEqual([]);
    expect(calls.at(-1)?.api).toBe('ci.upload');
  });

  it('a build that fails stops the deploy before any change', async () => {
    const { clients, calls } = standIn({ functions: {}, collections: {} });
    const failing: WebStep = {
      plan: webPlanOf(config, true),
      build: () => {
        throw new Error('网页版构建失败 (npm run build:h5 exited 1)');
      },
    };
    const run = applyDeploy(plan, config, clients, { web: failing, log: quiet });
    await expect(run).rejects.toBeInstanceOf(DeployStopped);
    await expect(run).rejects.toThrow('网页版构建失败');
    expect(calls.filter((c) => !/listFunctions|getFunctionDetail|hosting\.getInfo/.test(c.api))).toEqual([]);
  });
});

describe('what stops a deploy before any change', () => {
  // Reads are not changes (a build is counted: none may run before a stop).
  const changes = (calls: Call[]) => calls.filter((c) => !/listFunctions|getFunctionDetail|hosting\.getInfo/.test(c.api));

  it('a function whose runtime differs from its declaration (SCF cannot change it)', async () => {
    const { clients, calls } = standIn({ functions: { exam: { runtime: 'Nodejs18.15', triggers: [] } }, collections: {} });
    const run = applyDeploy(plan, config, clients, { web: webStep(calls), log: quiet });
    await expect(run).rejects.toBeInstanceOf(DeployStopped);
    await expect(run).rejects.toThrow('云函数 exam 的运行时是 Nodejs18.15，声明的是 Nodejs16.13');
    expect(changes(calls)).toEqual([]);
  });

  it('a static hosting not opened, or not yet online: the message says where to open it; no build, no upload', async () => {
    for (const [status, words] of [
      ['none', '环境 prod-1a2b3c 未开通静态网站托管：请在 云开发控制台 → 静态网站托管 中开通'],
      ['offline', '未开通静态网站托管'],
      ['init', '静态网站托管正在开通（init）'],
      ['create_fail', '静态网站托管状态为 create_fail'],
    ] as const) {
      const { clients, calls } = standIn({ functions: {}, collections: {}, hosting: status });
      const run = applyDeploy(plan, config, clients, { web: webStep(calls), log: quiet });
      await expect(run).rejects.toBeInstanceOf(DeployStopped);
      await expect(run).rejects.toThrow(words);
      expect(of(calls, 'hosting.getInfo')).toHaveLength(1);
      expect(changes(calls)).toEqual([]);
    }
  });

  it('a broken declaration: a bad cron, a collection without a permission', () => {
    const declarations = loadFunctionDeclarations().map((d) => (d.name === 'exam' ? { ...d, declaration: { ...d.declaration, triggers: [{ name: 'sweepAttempts', cron: '* * * *' }] } } : d));
    expect(() => buildPlan(declarations, DATABASE)).toThrow(PlanError);
    expect(() => buildPlan(declarations, DATABASE)).toThrow('exam: trigger sweepAttempts needs a seven-field cron, got "* * * *"');
    const noPermission = { ...DATABASE, examQuestions: { indexes: [] } as unknown as CollectionDeclaration };
    expect(() => buildPlan(loadFunctionDeclarations(), noPermission)).toThrow('collection examQuestions: no permission declared');
  });
});

describe('npm run deploy -- --dry-run', () => {
  it('runs with no credentials and no network, printing every function’s settings and every collection’s permission and indexes', () => {
    const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TENCENTCLOUD|WECHAT_|CLOUD_ENV_ID|CLOUD_REGION|TEMPLATE_ID_|WEB_APP_URL|UPLOAD_TICKET_KEY)/.test(k))) as NodeJS.ProcessEnv;
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/deploy.ts', '--dry-run'], { cwd: ROOT, env: bare, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const f of plan.functions) expect(r.stdout).toContain(`${f.name.padEnd(10)} ${f.runtime}  超时 ${f.timeoutSeconds} s  内存 ${f.memoryMb} MB`);
    for (const c of plan.collections) expect(r.stdout).toMatch(new RegExp(`\\b${c.name}\\s+${c.permission} `));
    expect(r.stdout).toContain('✓ dry run');
    // The web app step: the build's variables, the directory, the target, and what WEB_APP_URL must be.
    expect(r.stdout).toContain('网页版 (web app): 构建后上传到云开发静态网站托管');
    expect(r.stdout).toContain('NODE_ENV=production TARO_APP_CLOUDBASE_ENV=<CLOUD_ENV_ID> TARO_APP_CLOUDBASE_REGION=ap-shanghai npm run build:h5');
    expect(r.stdout).toContain('目录 directory: .build/h5/');
    expect(r.stdout).toContain('<WEB_APP_URL>/qr/checkin');
  });

  it('with --no-web prints the build command and the directory to publish instead of the upload', () => {
    const bare = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TENCENTCLOUD|WECHAT_|CLOUD_ENV_ID|CLOUD_REGION|TEMPLATE_ID_|WEB_APP_URL|UPLOAD_TICKET_KEY)/.test(k))) as NodeJS.ProcessEnv;
    const env = { ...bare, CLOUD_ENV_ID: 'prod-1a2b3c', CLOUD_REGION: 'ap-guangzhou', WEB_APP_URL: 'https://dj.example.org.cn' };
    const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/deploy.ts', '--dry-run', '--no-web'], { cwd: ROOT, env, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('网页版 (web app): 不发布 (--no-web)');
    expect(r.stdout).toContain('NODE_ENV=production TARO_APP_CLOUDBASE_ENV=prod-1a2b3c TARO_APP_CLOUDBASE_REGION=ap-guangzhou npm run build:h5');
    expect(r.stdout).toContain('发布 publish: .build/h5/');
    expect(r.stdout).toContain('https://dj.example.org.cn/qr/checkin');
    expect(r.stdout).not.toContain('静态网站托管根目录');
  });
});
