// The deploy's plan and configuration, without the network: every declared function and
// collection is in the plan with its settings; a broken declaration or a missing value stops it
// with words that say what to fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE, type CollectionDeclaration } from '../../functions/lib/collections';
import type { FunctionDeclaration } from '../../functions/lib/declaration';
import { configFrom, configProblems, isCloudRegion, parseEnvFile, readDeployVariables } from '../../scripts/deploy/config';
import { buildPlan, formatPlan, functionEnvValues, loadFunctionDeclarations, PlanError, ROOT } from '../../scripts/deploy/plan';
import { buildWebApp, formatWebPlan, webPlanOf, type RunCommand } from '../../scripts/deploy/web';

const declarations = loadFunctionDeclarations();
const fn = (over: Partial<FunctionDeclaration> = {}): FunctionDeclaration => ({
  description: '测试',
  runtime: 'Nodejs16.13',
  timeoutSeconds: 10,
  memoryMb: 256,
  triggers: [],
  openapi: [],
  ...over,
});
const problemsOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (err) {
    if (err instanceof PlanError) return err.problems;
    throw err;
  }
  throw new Error('expected the plan to be refused');
};

describe('the plan of the repository’s declarations', () => {
  const plan = buildPlan(declarations, DATABASE);

  it('has every function with its runtime, timeout, memory, triggers and OpenAPI permissions', () => {
    expect(plan.functions.map((f) => f.name)).toEqual(declarations.map((d) => d.name));
    expect(plan.functions.length).toBeGreaterThanOrEqual(9);
    for (const { name, declaration } of declarations) {
      expect(plan.functions.find((f) => f.name === name)).toMatchObject({
        runtime: declaration.runtime,
        timeoutSeconds: declaration.timeoutSeconds,
        memoryMb: declaration.memoryMb,
        triggers: declaration.triggers,
        openapi: declaration.openapi,
      });
    }
    expect(plan.functions.find((f) => f.name === 'checkin')).toMatchObject({ timeoutSeconds: 60, triggers: [{ name: 'dailyReminders', cron: '0 */5 * * * * *' }] });
  });

  it('gives every function that sends subscribe messages all four template ids, and every function the upload key', () => {
    for (const f of plan.functions) {
      const sends = f.openapi.includes('subscribeMessage.send');
      expect(f.env.includes('TEMPLATE_ID_EXAM')).toBe(sends);
      if (sends) expect(f.env).toEqual(expect.arrayContaining(['TEMPLATE_ID_EXAM', 'TEMPLATE_ID_CHECKIN', 'TEMPLATE_ID_EVENT', 'TEMPLATE_ID_CAMPAIGN']));
      expect(f.env).toContain('UPLOAD_TICKET_KEY');
    }
    expect(plan.functions.filter((f) => f.env.includes('TEMPLATE_ID_CAMPAIGN')).map((f) => f.name).sort()).toEqual(['campaign', 'checkin', 'event', 'exam']);
    const checkin = plan.functions.find((f) => f.name === 'checkin') as (typeof plan.functions)[number];
    const config = configFrom({ TEMPLATE_ID_CHECKIN: 'tpl-checkin-0123456789', UPLOAD_TICKET_KEY: 'k'.repeat(40) }, '1.0.0');
    expect(functionEnvValues(checkin, config)).toMatchObject({ TEMPLATE_ID_CHECKIN: 'tpl-checkin-0123456789', UPLOAD_TICKET_KEY: 'k'.repeat(40) });
  });

  it('gives the event function, and only it, the web app address (its on-site codes are URLs there)', () => {
    expect(plan.functions.filter((f) => f.env.includes('WEB_APP_URL')).map((f) => f.name)).toEqual(['event']);
    const event = plan.functions.find((f) => f.name === 'event') as (typeof plan.functions)[number];
    const config = configFrom({ WEB_APP_URL: 'https://dj.example.org.cn', UPLOAD_TICKET_KEY: 'k'.repeat(40) }, '1.0.0');
    expect(functionEnvValues(event, config)).toMatchObject({ WEB_APP_URL: 'https://dj.example.org.cn', UPLOAD_TICKET_KEY: 'k'.repeat(40) });
  });

  it('has every declared collection with its permission and its indexes in the declared order', () => {
    expect(plan.collections.map((c) => c.name).sort()).toEqual(Object.keys(DATABASE).sort());
    for (const c of plan.collections) expect(['ADMINONLY', 'ADMINWRITE', 'PRIVATE', 'READONLY']).toContain(c.permission);
    const members = plan.collections.find((c) => c.name === 'members');
    expect(members?.indexes[0]).toEqual({ name: 'unitId_1_name_1', fields: ['unitId', 'name'], unique: false });
  });

  it('prints each function’s runtime, timeout, triggers and permissions and each collection’s permission and indexes', () => {
    const text = formatPlan(plan);
    expect(text).toContain('checkin    Nodejs16.13  超时 60 s  内存 256 MB');
    expect(text).toContain('dailyReminders "0 */5 * * * * *"');
    expect(text).toContain('云调用权限 openapi: subscribeMessage.send, wxacode.getUnlimited');
    expect(text).toMatch(/members\s+ADMINONLY \(仅管理端可读写\)/);
    expect(text).toContain('unitId_1_name_1: unitId, name');
  });
});

describe('a broken declaration stops the plan, naming each problem', () => {
  it('a trigger with a cron of five fields, or with a field that cannot be read', () => {
    const problems = problemsOf(() =>
      buildPlan(
        [
          { name: 'a', declaration: fn({ triggers: [{ name: 'tick', cron: '0 */5 * * *' }] }) },
          { name: 'b', declaration: fn({ triggers: [{ name: 'tick', cron: '0 99 * * * * *' }] }) },
          { name: 'c', declaration: fn({ triggers: [{ name: 'tick', cron: '0 0 0 1 1 * 20x1' }] }) },
        ],
        DATABASE,
      ),
    );
    expect(problems).toEqual([
      'a: trigger tick needs a seven-field cron, got "0 */5 * * *"',
      'a: trigger tick has a cron that cannot be read ("0 */5 * * *"): a timer trigger needs seven cron fields, got "0 */5 * * *"',
      expect.stringMatching(/^b: trigger tick has a cron that cannot be read \("0 99 \* \* \* \* \*"\)/),
      'c: trigger tick has a year field that cannot be read ("20x1")',
    ]);
  });

  it('a timeout, memory or runtime WeChat does not offer, and a missing declaration file', () => {
    const problems = problemsOf(() =>
      buildPlan(
        [
          { name: 'a', declaration: fn({ timeoutSeconds: 90, memoryMb: 300 as unknown as 256, runtime: 'Nodejs8.9' as unknown as 'Nodejs16.13' }) },
          { name: 'b', declaration: undefined },
        ],
        DATABASE,
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'a: unknown runtime Nodejs8.9',
        'a: timeoutSeconds must be 1–60',
        'a: memoryMb must be one of 128, 256, 512, 1024, 2048',
        'b: functions/b/function.ts (its declaration) is missing',
      ]),
    );
  });

  it('a collection without a permission, with an unknown one, or with a sparse index CloudBase cannot create', () => {
    const broken = {
      ...DATABASE,
      answerKeys: { indexes: [] } as unknown as CollectionDeclaration,
      ledger: { permission: 'EVERYONE', indexes: [] } as unknown as CollectionDeclaration,
      rosters: { permission: 'ADMINONLY', indexes: [{ fields: ['unitId'], sparse: true }] } as CollectionDeclaration,
    };
    const problems = problemsOf(() => buildPlan(declarations, broken));
    expect(problems).toEqual(
      expect.arrayContaining(['collection answerKeys: no permission declared', 'collection ledger: unknown permission EVERYONE', expect.stringContaining('collection rosters: index unitId is sparse')]),
    );
  });
});

describe('the configuration', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'deploy-config-'));
  writeFileSync(path.join(root, 'private.wx0123456789abcdef.key'), 'not a real key');
  const complete = {
    WECHAT_APPID: 'wx0123456789abcdef',
    WECHAT_UPLOAD_KEY_PATH: 'private.wx0123456789abcdef.key',
    CLOUD_ENV_ID: 'prod-1a2b3c',
    TENCENTCLOUD_SECRETID: 'AKIDexample',
    TENCENTCLOUD_SECRETKEY: 'secret',
    TEMPLATE_ID_EXAM: 'tpl-exam-0123456789',
    TEMPLATE_ID_CHECKIN: 'tpl-checkin-0123456789',
    TEMPLATE_ID_EVENT: 'tpl-event-0123456789',
    TEMPLATE_ID_CAMPAIGN: 'tpl-campaign-0123456789',
    WEB_APP_URL: 'https://dj.example.org.cn',
    UPLOAD_TICKET_KEY: 'f'.repeat(64),
  };

  it('when complete, lets the deploy go', () => {
    expect(configProblems(configFrom(complete, '0.1.0'), root)).toEqual([]);
  });

  it('stops on a missing template id, environment id or key, saying what to set and where it is made', () => {
    const rest = Object.fromEntries(Object.entries(complete).filter(([k]) => k !== 'TEMPLATE_ID_EVENT' && k !== 'CLOUD_ENV_ID'));
    const problems = configProblems(configFrom(rest, '0.1.0'), root);
    expect(problems).toEqual([expect.stringMatching(/^CLOUD_ENV_ID 未设置：云开发环境 ID/), expect.stringMatching(/^TEMPLATE_ID_EVENT 未设置：活动提醒的订阅消息模板 ID/)]);
    const empty = configProblems(configFrom({}, '0.1.0'), root);
    for (const name of ['CLOUD_ENV_ID', 'WECHAT_APPID', 'WECHAT_UPLOAD_KEY_PATH', 'TENCENTCLOUD_SECRETID', 'TEMPLATE_ID_EXAM', 'TEMPLATE_ID_CHECKIN', 'TEMPLATE_ID_EVENT', 'TEMPLATE_ID_CAMPAIGN', 'WEB_APP_URL', 'UPLOAD_TICKET_KEY']) {
      expect(empty.some((p) => p.startsWith(name))).toBe(true);
    }
  });

  it('stops without the web app address, or with one a phone would not open from a code (not https, a path)', () => {
    const rest = Object.fromEntries(Object.entries(complete).filter(([k]) => k !== 'WEB_APP_URL'));
    expect(configProblems(configFrom(rest, '0.1.0'), root)).toEqual([expect.stringMatching(/^WEB_APP_URL 未设置：网页版的地址/)]);
    for (const bad of ['http://dj.example.org.cn', 'https://dj.example.org.cn/app', 'dj.example.org.cn', 'http://127.0.0.1:8080']) {
      expect(configProblems(configFrom({ ...complete, WEB_APP_URL: bad }, '0.1.0'), root)).toEqual([expect.stringContaining(`WEB_APP_URL "${bad}" 应为 https://`)]);
    }
    expect(configProblems(configFrom({ ...complete, WEB_APP_URL: 'https://dj.example.org.cn/' }, '0.1.0'), root)).toEqual([]);
  });

  it('refuses values that cannot be right: an appid, a key file that is not there, a blank-looking template id', () => {
    const problems = configProblems(configFrom({ ...complete, WECHAT_APPID: 'touristappid', WECHAT_UPLOAD_KEY_PATH: 'missing.key', TEMPLATE_ID_EXAM: 'x' }, '0.1.0'), root);
    expect(problems).toEqual([expect.stringContaining('WECHAT_APPID "touristappid"'), expect.stringContaining('找不到文件 missing.key'), expect.stringContaining('TEMPLATE_ID_EXAM "x"')]);
  });

  it('takes the region from CLOUD_REGION, ap-shanghai when unset, and refuses one not of a region’s form', () => {
    expect(configFrom(complete, '0.1.0').cloudRegion).toBe('ap-shanghai');
    expect(configFrom({ ...complete, CLOUD_REGION: 'ap-guangzhou' }, '0.1.0').cloudRegion).toBe('ap-guangzhou');
    for (const good of ['ap-shanghai', 'ap-guangzhou', 'ap-beijing', 'ap-singapore', 'na-siliconvalley', 'eu-frankfurt', 'ap-shanghai-fsi']) {
      expect(isCloudRegion(good)).toBe(true);
      expect(configProblems(configFrom({ ...complete, CLOUD_REGION: good }, '0.1.0'), root)).toEqual([]);
    }
    for (const bad of ['shanghai', 'ap_shanghai', 'AP-SHANGHAI', 'ap-shanghai-1', 'ap-', 'prod-1a2b3c', 'ap-shanghai/x']) {
      expect(isCloudRegion(bad)).toBe(false);
      expect(configProblems(configFrom({ ...complete, CLOUD_REGION: bad }, '0.1.0'), root)).toEqual([`CLOUD_REGION "${bad}" 不是地域名：应为环境所在的地域，如 ap-shanghai、ap-guangzhou（不设即 ap-shanghai）`]);
    }
  });

  it('reads .deploy.env, the environment winning over the file', () => {
    expect(parseEnvFile('# note\nCLOUD_ENV_ID="prod-file"\nexport WECHAT_APPID=wx0123456789abcdef\n\nBROKEN LINE\n')).toEqual({ CLOUD_ENV_ID: 'prod-file', WECHAT_APPID: 'wx0123456789abcdef' });
    writeFileSync(path.join(root, '.deploy.env'), 'CLOUD_ENV_ID=prod-file\nTEMPLATE_ID_EXAM=tpl-file-0123456789\n');
    const vars = readDeployVariables(root, { CLOUD_ENV_ID: 'prod-env', TEMPLATE_ID_EXAM: '  ' });
    expect(vars).toMatchObject({ CLOUD_ENV_ID: 'prod-env', TEMPLATE_ID_EXAM: 'tpl-file-0123456789' });
  });
});

describe('the web app step', () => {
  const config = configFrom({ CLOUD_ENV_ID: 'prod-1a2b3c', CLOUD_REGION: 'ap-guangzhou', WEB_APP_URL: 'https://dj.example.org.cn/' }, '0.1.0');

  it('builds the H5 app for the environment and its region into .build/h5', () => {
    const web = webPlanOf(config, true);
    expect(web).toMatchObject({ publish: true, dir: path.join(ROOT, '.build', 'h5'), envId: 'prod-1a2b3c' });
    expect(web.env).toEqual({ NODE_ENV: 'production', TARO_APP_CLOUDBASE_ENV: 'prod-1a2b3c', TARO_APP_CLOUDBASE_REGION: 'ap-guangzhou' });
  });

  it('prints the build, the directory, the target and what WEB_APP_URL must be, with the on-site code’s page', () => {
    expect(formatWebPlan(webPlanOf(config, true)).split('\n')).toEqual([
      '网页版 (web app): 构建后上传到云开发静态网站托管（在云函数之后、小程序代码之前）',
      '  构建 build: NODE_ENV=production TARO_APP_CLOUDBASE_ENV=prod-1a2b3c TARO_APP_CLOUDBASE_REGION=ap-guangzhou npm run build:h5',
      '  目录 directory: .build/h5/',
      '  上传到 target: 环境 prod-1a2b3c 的静态网站托管根目录（先传其余文件，最后传 index.html；旧文件不删除）',
      '  须先开通：云开发控制台 → 静态网站托管（未开通则部署在任何更改之前停止）',
      '  地址 address: WEB_APP_URL（https://dj.example.org.cn/）须是这个托管的域名：绑定到它的本单位域名，或它的默认域名',
      '  现场签到码打开 https://dj.example.org.cn/qr/checkin；这个域名还须加入云开发的 WEB 安全域名（docs/WEB-APP.md）',
    ]);
  });

  it('without a configuration (a dry run) names the variables instead of values', () => {
    const text = formatWebPlan(webPlanOf(configFrom({}, '0.1.0'), true));
    expect(text).toContain('TARO_APP_CLOUDBASE_ENV=<CLOUD_ENV_ID> TARO_APP_CLOUDBASE_REGION=ap-shanghai npm run build:h5');
    expect(text).toContain('环境 <CLOUD_ENV_ID> 的静态网站托管');
    expect(text).toContain('<WEB_APP_URL>/qr/checkin');
  });

  it('with --no-web says what to build and to publish, and no upload', () => {
    const text = formatWebPlan(webPlanOf(config, false));
    expect(text).toContain('网页版 (web app): 不发布 (--no-web)。请自行构建并发布：');
    expect(text).toContain('构建 build: NODE_ENV=production TARO_APP_CLOUDBASE_ENV=prod-1a2b3c TARO_APP_CLOUDBASE_REGION=ap-guangzhou npm run build:h5');
    expect(text).toContain('发布 publish: .build/h5/ 下的全部文件，放到网页版网站的根目录');
    expect(text).not.toContain('静态网站托管根目录');
  });

  it('runs npm run build:h5 with the plan’s variables (the local cloud’s API base cleared) and refuses a failed or empty build', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-h5-'));
    const runs: Array<{ command: string; args: string[]; env: NodeJS.ProcessEnv; cwd: string }> = [];
    const run =
      (status: number | null, writes: boolean): RunCommand =>
      (command, args, options) => {
        runs.push({ command, args, env: options.env, cwd: options.cwd });
        if (writes) writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
        return { status };
      };
    const env = webPlanOf(config, true).env;
    expect(() => buildWebApp(env, run(1, false), dir)).toThrow('网页版构建失败 (npm run build:h5 exited 1)');
    expect(() => buildWebApp(env, run(0, false), dir)).toThrow(/网页版构建后没有 .*index\.html/);
    expect(() => buildWebApp(env, run(0, true), dir)).not.toThrow();
    expect(runs.map((r) => [r.command, ...r.args])).toEqual(Array(3).fill(['npm', 'run', '--silent', 'build:h5']));
    expect(runs[2].cwd).toBe(ROOT);
    expect(runs[2].env).toMatchObject({ NODE_ENV: 'production', TARO_APP_CLOUDBASE_ENV: 'prod-1a2b3c', TARO_APP_CLOUDBASE_REGION: 'ap-guangzhou', TARO_APP_API_BASE: '' });
  });
});
