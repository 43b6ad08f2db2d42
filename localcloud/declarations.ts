// What the platform knows about a function besides its code, read from the files WeChat and the
// CloudBase CLI read: the deploy root's config.json (WeChat: `permissions.openapi`, timer
// `triggers`) and cloudbaserc.json beside the functions folder (CloudBase CLI: `timeout`,
// `memorySize`, `runtime`). A function without them gets the platform's defaults: 3 s, 256 MB,
// no triggers and no OpenAPI permission (every OpenAPI call then fails with -604101, as in WeChat).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface FunctionSettings {
  timeoutMs: number;
  memoryMb: number;
  /** e.g. 'Nodejs16.13'; null when not declared. The host runs the machine's Node whatever it is. */
  runtime: string | null;
  triggers: Array<{ name: string; cron: string }>;
  openapi: string[];
  /** Where each setting came from, for the log. */
  sources: string[];
}

export const PLATFORM_DEFAULTS = { timeoutMs: 3_000, memoryMb: 256 } as const;

function readJson(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** cloudbaserc.json's entry for `name`, if the file beside the functions folder declares it. */
function cloudbaseEntry(functionsDir: string, name: string): Record<string, unknown> | null {
  const rcPath = join(dirname(resolve(functionsDir)), 'cloudbaserc.json');
  const rc = readJson(rcPath);
  if (!rc) return null;
  const root = typeof rc.functionRoot === 'string' ? resolve(dirname(rcPath), rc.functionRoot) : null;
  if (root && root !== resolve(functionsDir)) return null;
  const list = Array.isArray(rc.functions) ? rc.functions : [];
  const entry = list.find((f): f is Record<string, unknown> => !!f && typeof f === 'object' && (f as { name?: unknown }).name === name);
  return entry ?? null;
}

export function readFunctionSettings(functionsDir: string, name: string): FunctionSettings {
  const sources: string[] = [];
  const config = readJson(join(functionsDir, name, 'config.json'));
  if (config) sources.push(`${name}/config.json`);
  const entry = cloudbaseEntry(functionsDir, name);
  if (entry) sources.push('cloudbaserc.json');

  const permissions = config?.permissions as { openapi?: unknown } | undefined;
  const openapi = Array.isArray(permissions?.openapi) ? permissions.openapi.filter((a): a is string => typeof a === 'string') : [];
  const rawTriggers = Array.isArray(config?.triggers) ? config.triggers : Array.isArray(entry?.triggers) ? entry.triggers : [];
  const triggers = rawTriggers.flatMap((t) => {
    const r = t as { name?: unknown; type?: unknown; config?: unknown };
    return r.type === 'timer' && typeof r.name === 'string' && typeof r.config === 'string' ? [{ name: r.name, cron: r.config }] : [];
  });
  const timeout = typeof entry?.timeout === 'number' && entry.timeout > 0 ? entry.timeout * 1000 : PLATFORM_DEFAULTS.timeoutMs;
  const memory = typeof entry?.memorySize === 'number' && entry.memorySize > 0 ? entry.memorySize : PLATFORM_DEFAULTS.memoryMb;
  const runtime = typeof entry?.runtime === 'string' ? entry.runtime : null;
  return { timeoutMs: timeout, memoryMb: memory, runtime, triggers, openapi, sources };
}
