// What a cloud function is, besides its code: the one place each function declares its runtime,
// timeout, memory, timer triggers and the OpenAPIs it may call (functions/<name>/function.ts).
// `npm run build:functions` targets the declared runtime and writes from it what each platform
// reads: cloudfunctions/<name>/config.json (WeChat: openapi permissions and triggers) and
// cloudbaserc.json (CloudBase CLI: runtime, timeout, memory, triggers). The local cloud reads
// both, so timeouts, triggers and permissions behave there as declared.

/** Tencent's Node.js runtimes offered to WeChat cloud functions, with the Node major each runs. */
export const RUNTIMES = { 'Nodejs16.13': 16, 'Nodejs18.15': 18 } as const;
export type Runtime = keyof typeof RUNTIMES;

export interface TimerTrigger {
  /** The trigger's name; the function receives it as `TriggerName`. */
  name: string;
  /**
   * WeChat's seven-field cron (second minute hour day month weekday year), evaluated in Beijing
   * time by the platform.
   */
  cron: string;
}

export interface FunctionDeclaration {
  /** What the function does, in a line (Chinese: it shows in the cloud console). */
  description: string;
  runtime: Runtime;
  /** Seconds, 1–60 (WeChat's default is 3; user-facing functions declare 10). */
  timeoutSeconds: number;
  memoryMb: 128 | 256 | 512 | 1024 | 2048;
  triggers: TimerTrigger[];
  /** OpenAPIs the function calls through cloud.openapi (e.g. 'subscribeMessage.send'). */
  openapi: string[];
  /**
   * Settings of its own, as environment variables the deploy sets (e.g. 'WEB_APP_URL'), beyond the
   * ones it derives (template ids for functions that send messages, the upload key everywhere).
   * Each is required: the deploy stops without it, and the function fails closed at run time.
   */
  env?: string[];
}

/** Type-checks a declaration in place (functions/<name>/function.ts). */
export function declareFunction(d: FunctionDeclaration): FunctionDeclaration {
  return d;
}

const CRON_FIELD = /^[\d*/,\-?LW#A-Za-z]+$/;

/** Problems with a declaration, in words; empty when it is valid. */
export function declarationProblems(name: string, d: FunctionDeclaration): string[] {
  const out: string[] = [];
  if (!(d.runtime in RUNTIMES)) out.push(`${name}: unknown runtime ${d.runtime}`);
  if (!Number.isInteger(d.timeoutSeconds) || d.timeoutSeconds < 1 || d.timeoutSeconds > 60) out.push(`${name}: timeoutSeconds must be 1–60`);
  const names = new Set<string>();
  for (const t of d.triggers) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) out.push(`${name}: bad trigger name ${t.name}`);
    if (names.has(t.name)) out.push(`${name}: trigger ${t.name} declared twice`);
    names.add(t.name);
    const fields = t.cron.trim().split(/\s+/);
    if (fields.length !== 7 || !fields.every((f) => CRON_FIELD.test(f))) out.push(`${name}: trigger ${t.name} needs a seven-field cron, got "${t.cron}"`);
  }
  // WeChat allows one timer trigger per function.
  if (d.triggers.length > 1) out.push(`${name}: WeChat allows one timer trigger per function`);
  for (const api of d.openapi) if (!/^[a-z][A-Za-z]*\.[a-zA-Z.]+$/.test(api)) out.push(`${name}: bad openapi name ${api}`);
  for (const v of d.env ?? []) if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(v)) out.push(`${name}: bad environment variable name ${v}`);
  return out;
}

/** cloudfunctions/<name>/config.json: only what WeChat reads there. */
export function wechatConfig(d: FunctionDeclaration): Record<string, unknown> {
  const config: Record<string, unknown> = { permissions: { openapi: [...d.openapi] } };
  if (d.triggers.length) config.triggers = d.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron }));
  return config;
}

/** One entry of cloudbaserc.json's `functions` (CloudBase CLI). */
export function cloudbaseEntry(name: string, d: FunctionDeclaration): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name,
    runtime: d.runtime,
    timeout: d.timeoutSeconds,
    memorySize: d.memoryMb,
    handler: 'index.main',
    installDependency: true,
  };
  if (d.triggers.length) entry.triggers = d.triggers.map((t) => ({ name: t.name, type: 'timer', config: t.cron }));
  return entry;
}
