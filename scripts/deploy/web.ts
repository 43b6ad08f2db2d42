// The deploy's web app step: the H5 build (`npm run build:h5`, into .build/h5) made for the
// environment — @cloudbase/js-sdk reads TARO_APP_CLOUDBASE_ENV and TARO_APP_CLOUDBASE_REGION at
// build time (docs/WEB-APP.md) — and published to the environment's static hosting (apply.ts).
// With `--no-web` the deploy leaves it out and prints how to build and what to publish instead.
// Nothing here touches the network; the build itself runs only in a real deploy (buildWebApp).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { WEB_APP_URL_VARIABLE } from '../../core/domain/onsiteUrl';
import type { DeployConfig } from './config';
import { ROOT } from './plan';

/** The H5 build's output (config/index.ts: outputRoot), published as the hosting's root. */
export const H5_DIR = path.join(ROOT, '.build', 'h5');

/** The page an on-site check-in code opens, inside the H5 build (docs/ONSITE-CHECKIN.md). */
export const CHECKIN_PAGE = '/qr/checkin';

/** The variables the H5 build is made with. */
export interface WebBuildEnv {
  NODE_ENV: 'production';
  TARO_APP_CLOUDBASE_ENV: string;
  TARO_APP_CLOUDBASE_REGION: string;
}

export interface WebPlan {
  /** false with --no-web: the deploy neither builds nor uploads the web app. */
  publish: boolean;
  env: WebBuildEnv;
  /** The directory the build writes and the hosting gets (its root, cloud path ''). */
  dir: string;
  /** The environment whose static hosting is the target (absent in a dry run without configuration). */
  envId?: string;
  webAppUrl?: string;
}

/** The web app step for this configuration; `publish` false for --no-web. */
export function webPlanOf(config: Pick<DeployConfig, 'envId' | 'cloudRegion' | 'webAppUrl'>, publish: boolean): WebPlan {
  return {
    publish,
    env: { NODE_ENV: 'production', TARO_APP_CLOUDBASE_ENV: config.envId ?? '<CLOUD_ENV_ID>', TARO_APP_CLOUDBASE_REGION: config.cloudRegion },
    dir: H5_DIR,
    envId: config.envId,
    webAppUrl: config.webAppUrl,
  };
}

/** The build as one shell line, for a person to run (with --no-web) or to read in the plan. */
export function webBuildCommand(web: WebPlan): string {
  const vars = Object.entries(web.env).map(([k, v]) => `${k}=${v}`);
  return `${vars.join(' ')} npm run build:h5`;
}

const shown = (dir: string) => `${path.relative(ROOT, dir) || '.'}/`;

/** The web app step as the plan prints it. */
export function formatWebPlan(web: WebPlan): string {
  const url = web.webAppUrl ?? `<${WEB_APP_URL_VARIABLE}>`;
  const lines: string[] = [];
  if (web.publish) {
    lines.push('网页版 (web app): 构建后上传到云开发静态网站托管（在云函数之后、小程序代码之前）');
    lines.push(`  构建 build: ${webBuildCommand(web)}`);
    lines.push(`  目录 directory: ${shown(web.dir)}`);
    lines.push(`  上传到 target: 环境 ${web.envId ?? '<CLOUD_ENV_ID>'} 的静态网站托管根目录（先传其余文件，最后传 index.html；旧文件不删除）`);
    lines.push('  须先开通：云开发控制台 → 静态网站托管（未开通则部署在任何更改之前停止）');
  } else {
    lines.push('网页版 (web app): 不发布 (--no-web)。请自行构建并发布：');
    lines.push(`  构建 build: ${webBuildCommand(web)}`);
    lines.push(`  发布 publish: ${shown(web.dir)} 下的全部文件，放到网页版网站的根目录`);
  }
  if (web.publish) lines.push(`  地址 address: ${WEB_APP_URL_VARIABLE}（${url}）须是这个托管的域名：绑定到它的本单位域名，或它的默认域名`);
  else lines.push(`  地址 address: ${WEB_APP_URL_VARIABLE}（${url}）须是发布这些文件的 https 站点的域名`);
  lines.push(`  现场签到码打开 ${url.replace(/\/+$/, '')}${CHECKIN_PAGE}；这个域名还须加入云开发的 WEB 安全域名（docs/WEB-APP.md）`);
  return lines.join('\n');
}

/** Runs a command; the shape of spawnSync's, so a test can stand in for it. */
export type RunCommand = (command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; stdio: 'inherit' }) => { status: number | null };

/** The real H5 build for a deploy: throws, in words, when it fails or leaves no index.html. */
export function buildWebApp(env: WebBuildEnv, run: RunCommand = spawnSync, dir = H5_DIR): void {
  const r = run('npm', ['run', '--silent', 'build:h5'], { cwd: ROOT, env: { ...process.env, TARO_APP_API_BASE: '', ...env }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`网页版构建失败 (npm run build:h5 exited ${r.status ?? 'by a signal'})`);
  if (!existsSync(path.join(dir, 'index.html'))) throw new Error(`网页版构建后没有 ${shown(dir)}index.html`);
}
