// The deploy's configuration: where it comes from (environment variables, else the ignored
// `.deploy.env` file beside package.json) and what is missing or malformed, in words. Nothing
// here touches the network: `npm run deploy -- --dry-run` reads it with no credentials at all.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WEB_APP_URL_VARIABLE, webAppOrigin } from '../../core/domain/onsiteUrl';
import { REMINDER_TOPICS, templateVariable, type ReminderTopic } from '../../functions/lib/reminders';

export const DEPLOY_ENV_FILE = '.deploy.env';

/** Where a CloudBase environment is when CLOUD_REGION is not set (the console's default). */
export const DEFAULT_CLOUD_REGION = 'ap-shanghai';

/** A Tencent Cloud region's form: an area, a city, optionally a zone kind (ap-shanghai, na-siliconvalley, ap-shanghai-fsi). */
export function isCloudRegion(region: string): boolean {
  return /^(ap|na|eu|sa)-[a-z]{3,}(-[a-z]{2,})?$/.test(region);
}

/** Everything a real deploy needs, as read (a value may be missing: see configProblems). */
export interface DeployConfig {
  /** The mini-program's AppID (微信公众平台 → 开发管理 → 开发设置). */
  appid?: string;
  /** The code upload key (小程序代码上传密钥): a file path. */
  uploadKeyPath?: string;
  /** The cloud environment's id (云开发控制台 → 环境 ID). */
  envId?: string;
  /** The environment's region (CLOUD_REGION, default ap-shanghai): the web app's @cloudbase/js-sdk needs it. */
  cloudRegion: string;
  /** Tencent Cloud API keys (访问管理 CAM → API 密钥). */
  secretId?: string;
  secretKey?: string;
  /** Subscribe-message template ids, one per reminder topic. */
  templateIds: Partial<Record<ReminderTopic, string>>;
  /** The web app's https origin (the organisation's verified domain): on-site codes are URLs there. */
  webAppUrl?: string;
  /** Signs upload tickets (functions/lib/uploads.ts); set on every function. */
  uploadTicketKey?: string;
  /** The uploaded mini-program version and its note (default: package.json's version). */
  version: string;
  desc: string;
  /** miniprogram-ci's robot, 1–30 (who uploaded, in 版本管理). */
  robot: number;
}

/** KEY=VALUE lines; `#` comments, blank lines and optional quotes around a value. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim().replace(/^export\s+/, '');
    let value = line.slice(eq + 1).trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    out[key] = value;
  }
  return out;
}

/** The variables the deploy reads: the process's environment wins over the file's. */
export function readDeployVariables(root: string, env: Record<string, string | undefined> = process.env, file = DEPLOY_ENV_FILE): Record<string, string> {
  const filePath = path.resolve(root, file);
  const fromFile = existsSync(filePath) ? parseEnvFile(readFileSync(filePath, 'utf8')) : {};
  const out: Record<string, string> = { ...fromFile };
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}

const value = (vars: Record<string, string>, key: string): string | undefined => {
  const v = vars[key]?.trim();
  return v ? v : undefined;
};

function templateIdsFrom(vars: Record<string, string>): Partial<Record<ReminderTopic, string>> {
  const out: Partial<Record<ReminderTopic, string>> = {};
  for (const t of REMINDER_TOPICS) {
    const id = value(vars, templateVariable(t));
    if (id) out[t] = id;
  }
  return out;
}

export function configFrom(vars: Record<string, string>, packageVersion: string): DeployConfig {
  return {
    appid: value(vars, 'WECHAT_APPID'),
    uploadKeyPath: value(vars, 'WECHAT_UPLOAD_KEY_PATH'),
    envId: value(vars, 'CLOUD_ENV_ID'),
    cloudRegion: value(vars, 'CLOUD_REGION') ?? DEFAULT_CLOUD_REGION,
    secretId: value(vars, 'TENCENTCLOUD_SECRETID'),
    secretKey: value(vars, 'TENCENTCLOUD_SECRETKEY'),
    templateIds: templateIdsFrom(vars),
    webAppUrl: value(vars, WEB_APP_URL_VARIABLE),
    uploadTicketKey: value(vars, 'UPLOAD_TICKET_KEY'),
    version: value(vars, 'DEPLOY_VERSION') ?? packageVersion,
    desc: value(vars, 'DEPLOY_DESC') ?? `npm run deploy ${packageVersion}`,
    robot: Number(value(vars, 'DEPLOY_ROBOT') ?? 1),
  };
}

const TOPIC_NAMES: Record<ReminderTopic, string> = { exam: '考试提醒', checkin: '学习打卡提醒', event: '活动提醒', campaign: '专项行动报送提醒' };

/**
 * What stops a real deploy, in plain words (Chinese, with the variable to set); empty when it may go.
 * `root` resolves a relative key path.
 */
export function configProblems(c: DeployConfig, root: string): string[] {
  const out: string[] = [];
  if (!c.envId) out.push('CLOUD_ENV_ID 未设置：云开发环境 ID（云开发控制台 → 环境 → 环境 ID）');
  else if (!/^[a-z][a-z0-9-]{3,40}$/.test(c.envId)) out.push(`CLOUD_ENV_ID "${c.envId}" 不像环境 ID（小写字母开头，如 prod-1a2b3c）`);
  if (!isCloudRegion(c.cloudRegion)) out.push(`CLOUD_REGION "${c.cloudRegion}" 不是地域名：应为环境所在的地域，如 ap-shanghai、ap-guangzhou（不设即 ${DEFAULT_CLOUD_REGION}）`);
  if (!c.appid) out.push('WECHAT_APPID 未设置：小程序 AppID（微信公众平台 → 开发管理 → 开发设置）');
  else if (!/^wx[0-9a-f]{16}$/.test(c.appid)) out.push(`WECHAT_APPID "${c.appid}" 不是小程序 AppID（wx 开头、共 18 位）`);
  if (!c.uploadKeyPath) out.push('WECHAT_UPLOAD_KEY_PATH 未设置：小程序代码上传密钥文件（微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传）');
  else if (!existsSync(path.resolve(root, c.uploadKeyPath))) out.push(`WECHAT_UPLOAD_KEY_PATH：找不到文件 ${c.uploadKeyPath}`);
  if (!c.secretId || !c.secretKey) out.push('TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY 未设置：腾讯云 API 密钥（访问管理 CAM → API 密钥管理）');
  for (const t of REMINDER_TOPICS) {
    const id = c.templateIds[t];
    if (!id) out.push(`${templateVariable(t)} 未设置：${TOPIC_NAMES[t]}的订阅消息模板 ID（微信公众平台 → 功能 → 订阅消息 → 我的模板）`);
    else if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) out.push(`${templateVariable(t)} "${id}" 不像模板 ID（字母、数字、-、_）`);
  }
  if (!c.webAppUrl) out.push(`${WEB_APP_URL_VARIABLE} 未设置：网页版的地址，本单位已验证的 https 域名（如 https://dj.example.org.cn）；现场签到码是这个域名下的网址（见 docs/ONSITE-CHECKIN.md）`);
  else if (!webAppOrigin(c.webAppUrl)?.startsWith('https://')) out.push(`${WEB_APP_URL_VARIABLE} "${c.webAppUrl}" 应为 https:// 开头、不带路径的网址（如 https://dj.example.org.cn）`);
  if (!c.uploadTicketKey) out.push('UPLOAD_TICKET_KEY 未设置：上传凭据的签名密钥，一个随机长字符串（例如 openssl rand -hex 32 的输出）');
  else if (c.uploadTicketKey.length < 32) out.push('UPLOAD_TICKET_KEY 太短：至少 32 个字符');
  if (!/^\d+\.\d+\.\d+$/.test(c.version)) out.push(`DEPLOY_VERSION "${c.version}" 应为 x.y.z`);
  if (!Number.isInteger(c.robot) || c.robot < 1 || c.robot > 30) out.push('DEPLOY_ROBOT 应为 1–30 的整数');
  return out;
}
