// The deploy's plan: every cloud function with its runtime, timeout, memory, timer triggers,
// OpenAPI permissions and environment variables (functions/<name>/function.ts), and every
// collection with its permission and indexes (functions/lib/collections.ts, the database as code).
// Built and checked without the network, so `npm run deploy -- --dry-run` shows exactly what a
// deploy would do, and a broken declaration stops both before anything changes.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { databaseProblems, PERMISSIONS, planOf, type CollectionDeclaration, type CollectionPlan } from '../../functions/lib/collections';
import { declarationProblems, type FunctionDeclaration, type TimerTrigger } from '../../functions/lib/declaration';
import { REMINDER_TOPICS, templateVariable } from '../../functions/lib/reminders';
import { WEB_APP_URL_VARIABLE } from '../../core/domain/onsiteUrl';
import { nextFire } from '../../localcloud/timers';
import type { DeployConfig } from './config';

export const ROOT = path.resolve(__dirname, '..', '..');
const FUNCTIONS_SRC = path.join(ROOT, 'functions');

/** The OpenAPI whose functions need every reminder template id. */
const SENDS_MESSAGES = 'subscribeMessage.send';

export interface FunctionPlan {
  name: string;
  description: string;
  runtime: FunctionDeclaration['runtime'];
  timeoutSeconds: number;
  memoryMb: number;
  triggers: TimerTrigger[];
  openapi: string[];
  /** The environment variables the deploy sets on the function (names; values come from the configuration). */
  env: string[];
  /** The deploy root uploaded (cloudfunctions/<name>, built by npm run build:functions). */
  dir: string;
}

export interface DeployPlan {
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  /** The mini-program's project folder (project.config.json: miniprogramRoot dist/). */
  projectPath: string;
}

/** A declaration that cannot be deployed: every problem, in words. */
export class PlanError extends Error {
  constructor(readonly problems: string[]) {
    super(`部署计划不成立 (the plan is not valid):\n  ${problems.join('\n  ')}`);
    this.name = 'PlanError';
  }
}

/** Each function's declaration as its function.ts exports it (unchecked: planProblems checks). */
export function loadFunctionDeclarations(): Array<{ name: string; declaration: FunctionDeclaration }> {
  const names = readdirSync(FUNCTIONS_SRC).filter((n) => n !== 'lib' && existsSync(path.join(FUNCTIONS_SRC, n, 'index.ts')));
  return names.sort().map((name) => {
    const file = path.join(FUNCTIONS_SRC, name, 'function.ts');
    if (!existsSync(file)) return { name, declaration: undefined as unknown as FunctionDeclaration };
    return { name, declaration: (require(file) as { default: FunctionDeclaration }).default };
  });
}

/** The environment variables a function gets: the reminder template ids where it sends messages, its declared settings, the upload key everywhere. */
export function functionEnvNames(d: FunctionDeclaration): string[] {
  const names = d.openapi.includes(SENDS_MESSAGES) ? REMINDER_TOPICS.map(templateVariable) : [];
  return [...names, ...(d.env ?? []), 'UPLOAD_TICKET_KEY'];
}

/** A cron's year field: years and ranges of years, comma-separated. */
const YEARS = /^\d{4}(-\d{4})?(,\d{4}(-\d{4})?)*$/;

/** Problems with the functions' declarations, beyond the declaration's own rules: a cron that cannot be read. */
export function functionProblems(functions: Array<{ name: string; declaration: FunctionDeclaration | undefined }>): string[] {
  const out: string[] = [];
  if (functions.length === 0) out.push('no cloud function found under functions/');
  for (const { name, declaration: d } of functions) {
    if (!d) {
      out.push(`${name}: functions/${name}/function.ts (its declaration) is missing`);
      continue;
    }
    out.push(...declarationProblems(name, d));
    if (![128, 256, 512, 1024, 2048].includes(d.memoryMb)) out.push(`${name}: memoryMb must be one of 128, 256, 512, 1024, 2048`);
    if (!d.description || d.description.trim() === '') out.push(`${name}: no description`);
    for (const t of d.triggers) {
      // The six fields before the year are read as the platform (and the local cloud) reads them;
      // the year is checked by form only (looking ahead for a year that matches can take long).
      const fields = t.cron.trim().split(/\s+/);
      const yearless = fields.length === 7 ? [...fields.slice(0, 6), '*'].join(' ') : t.cron;
      try {
        if (nextFire(yearless, Date.now()) === null) out.push(`${name}: trigger ${t.name} never fires ("${t.cron}")`);
      } catch (err) {
        out.push(`${name}: trigger ${t.name} has a cron that cannot be read ("${t.cron}"): ${err instanceof Error ? err.message : String(err)}`);
      }
      if (fields.length === 7 && fields[6] !== '*' && !YEARS.test(fields[6])) out.push(`${name}: trigger ${t.name} has a year field that cannot be read ("${fields[6]}")`);
    }
  }
  return out;
}

/**
 * The plan of these declarations; throws PlanError naming every problem of the functions and of
 * the database (a collection without a permission, an index CloudBase cannot create…).
 */
export function buildPlan(
  functions: Array<{ name: string; declaration: FunctionDeclaration | undefined }>,
  database: Readonly<Record<string, CollectionDeclaration>>,
): DeployPlan {
  const problems = [...functionProblems(functions), ...databaseProblems(database).map((p) => `collection ${p}`)];
  if (problems.length > 0) throw new PlanError(problems);
  return {
    functions: functions.map(({ name, declaration }) => {
      const d = declaration as FunctionDeclaration;
      return {
        name,
        description: d.description,
        runtime: d.runtime,
        timeoutSeconds: d.timeoutSeconds,
        memoryMb: d.memoryMb,
        triggers: d.triggers.map((t) => ({ ...t })),
        openapi: [...d.openapi],
        env: functionEnvNames(d),
        dir: path.join(ROOT, 'cloudfunctions', name),
      };
    }),
    collections: planOf(database),
    projectPath: ROOT,
  };
}

/** The values of a function's environment variables from the configuration (checked complete by configProblems). */
export function functionEnvValues(fn: FunctionPlan, config: DeployConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fn.env) {
    if (name === 'UPLOAD_TICKET_KEY') out[name] = config.uploadTicketKey ?? '';
    else if (name === WEB_APP_URL_VARIABLE) out[name] = config.webAppUrl ?? '';
    else {
      const topic = REMINDER_TOPICS.find((t) => templateVariable(t) === name);
      out[name] = (topic && config.templateIds[topic]) ?? '';
    }
  }
  return out;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The plan as a newcomer reads it: functions, then collections; values of secrets never shown. */
export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [];
  lines.push(`云函数 (cloud functions): ${plan.functions.length}`);
  for (const f of plan.functions) {
    lines.push(`  ${pad(f.name, 10)} ${f.runtime}  超时 ${f.timeoutSeconds} s  内存 ${f.memoryMb} MB  — ${f.description}`);
    lines.push(`  ${pad('', 10)} 定时触发器 triggers: ${f.triggers.length ? f.triggers.map((t) => `${t.name} "${t.cron}"`).join(', ') : '无 (none)'}`);
    lines.push(`  ${pad('', 10)} 云调用权限 openapi: ${f.openapi.length ? f.openapi.join(', ') : '无 (none)'}`);
    lines.push(`  ${pad('', 10)} 环境变量 env: ${f.env.join(', ')}`);
  }
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push('');
  lines.push(`集合 (collections): ${plan.collections.length}，索引 (indexes): ${indexCount}`);
  for (const c of plan.collections) {
    lines.push(`  ${pad(c.name, 20)} ${c.permission} (${PERMISSIONS[c.permission]})`);
    for (const i of c.indexes) lines.push(`  ${pad('', 20)}   ${i.unique ? '唯一 unique ' : ''}${i.name}: ${i.fields.join(', ')}`);
  }
  return lines.join('\n');
}
