// Local cloud: a local server for the CloudBase admin protocol (as LocalStack is for AWS). The real,
// unmodified wx-server-sdk inside cloud functions talks to it over HTTP. This file wires the parts:
// database engine, storage, openapi, function host, the admin endpoint and the H5 HTTP host.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AdminEndpoint, InternalCaller, InvocationRecord } from './admin';
import { DbEngine } from './db/engine';
import { createLocalDb } from './db/local-db';
import { DocumentStore } from './db/store';
import { TransactionManager } from './db/transactions';
import { readFunctionSettings, type FunctionSettings } from './declarations';
import { FunctionFailure, FunctionHost } from './function-host';
import { scheduleTimers } from './timers';
import { Barriers } from './barrier';
import { ApiHost, serveStatic } from './http/api';
import { jsonTooDeep, sendJson } from './http/body';
import { newAdminCredentials, screenRequest } from './http/door';
import { OpenApi } from './openapi';
import { LocalStorage } from './storage';
import type {
  Caller,
  InvocationStats,
  InvokeResult,
  LocalCloud,
  LocalCloudOptions,
  OpenApiCall,
  QueryShape,
} from './types';
import { isPlainObject } from './wire';

export type {
  Caller,
  Document,
  FindOptions,
  IndexDeclaration,
  IndexInfo,
  IndexSpec,
  InvocationStats,
  InvokeResult,
  LocalCloud,
  LocalCloudOptions,
  LocalDb,
  OpenApiCall,
  QueryShape,
} from './types';
export { FunctionFailure } from './function-host';

const REPO_ROOT = resolve(__dirname, '..');
const DEFAULT_BLOCKED_WORDS = ['违禁词', '赌博', '色情'];
/** Words the local content check answers with "review" (held for a person), to try that path. */
const DEFAULT_REVIEW_WORDS = ['待审词'];
const CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN';
/**
 * Instances per function by default: one per concurrent invocation, as the platform scales, up to
 * this cap. About 30–60 MB each (a V8 isolate with wx-server-sdk and the bundle loaded), so five
 * functions at the cap stay under 10 GB; idle ones stop after DEFAULT_IDLE_MS.
 */
export const DEFAULT_MAX_INSTANCES = 32;
export const DEFAULT_IDLE_MS = 120_000;

/** Deepest event an invocation accepts (the same as a body of `POST /admin`). */
export const MAX_EVENT_DEPTH = 512;

/** The event's JSON text, or null when it is not serialisable or nests deeper than MAX_EVENT_DEPTH. */
function eventJson(event: unknown): string | null {
  let text: string;
  try {
    text = JSON.stringify(event === undefined ? {} : event) ?? '{}';
  } catch {
    return null; // a cycle, a BigInt, or nesting deep enough to overflow the stack
  }
  return jsonTooDeep(text, MAX_EVENT_DEPTH) ? null : text;
}

/** Rejection of `invoke()`: the function threw, timed out, crashed, does not exist, or its event cannot travel. */
export class InvocationError extends Error {
  constructor(
    readonly kind: FunctionFailure['kind'],
    message: string,
    readonly stats: InvocationStats,
  ) {
    super(message);
    this.name = 'InvocationError';
  }
}

function defaultLogger(): (line: string) => void {
  // Quiet under jest (functions that throw on purpose would flood the output); stderr otherwise.
  if (process.env.JEST_WORKER_ID !== undefined) return () => undefined;
  return (line) => process.stderr.write(`${line}\n`);
}

/** The parent's env minus anything that would confuse the SDK inside a function instance. */
function baseWorkerEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(WX_|TCB_|TENCENTCLOUD|SCF_|LOCALCLOUD_|TRIGGER_SRC)/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const envId = opts.envId ?? 'local-dev';
  const appId = opts.appId ?? 'wx-local-app';
  const logger = opts.logger ?? defaultLogger();
  const inMemory = (opts.dataDir ?? ':memory:') === ':memory:';
  const dataDir = inMemory ? mkdtempSync(join(tmpdir(), 'localcloud-')) : resolve(opts.dataDir as string);
  mkdirSync(dataDir, { recursive: true });

  let offsetMs = 0;
  const clock = {
    now: () => Date.now() + offsetMs,
    set: (epochMs: number) => {
      offsetMs = epochMs - Date.now();
    },
    reset: () => {
      offsetMs = 0;
    },
  };

  const store = new DocumentStore(inMemory ? ':memory:' : join(dataDir, 'cloud.sqlite'), opts.indexes);
  const txm = new TransactionManager(store);
  const engine = new DbEngine(store, txm);
  let baseUrl = '';
  const storage = new LocalStorage(join(dataDir, 'storage'), envId, () => baseUrl);

  const calls: OpenApiCall[] = [];
  const openapi = new OpenApi({
    blockedWords: opts.blockedWords ?? DEFAULT_BLOCKED_WORDS,
    reviewWords: opts.reviewWords ?? DEFAULT_REVIEW_WORDS,
    now: clock.now,
    record: (call) => {
      calls.push(call);
      store.recordOpenApiCall(call);
    },
  });

  const shapes = new Map<string, QueryShape>();
  const recordShape = (shape: QueryShape): void => {
    const key = JSON.stringify([shape.collection, shape.op, shape.filter, shape.sort]);
    if (!shapes.has(key)) shapes.set(key, shape);
  };

  // Generated per run: POST /admin serves only requests carrying them (http/door.ts). Instances get
  // them as the runtime's variables, so every SDK version sends them unchanged.
  const credentials = newAdminCredentials();
  const sdkEnv = (): Record<string, string> => ({
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${baseUrl}/admin` }),
    TENCENTCLOUD_SECRETID: credentials.secretId,
    TENCENTCLOUD_SECRETKEY: credentials.secretKey,
    TENCENTCLOUD_SESSIONTOKEN: credentials.sessionToken,
    TENCENTCLOUD: 'true',
    SCF_NAMESPACE: envId,
    // Every SDK version finds the local address: @cloudbase/node-sdk 2.x reads TCB_CONTEXT_CNFG only
    // when TCB_CONTEXT_KEYS names it.
    TCB_CONTEXT_KEYS: 'TCB_ENV,TCB_SOURCE,TCB_CONTEXT_CNFG',
    SILENCE: 'true',
  });

  const functionsDir = resolve(opts.functionsDir ?? join(REPO_ROOT, 'cloudfunctions'));
  // Each function's declared settings (config.json, cloudbaserc.json), read on first use and again
  // after reloadFunctions().
  const settings = new Map<string, FunctionSettings>();
  const settingsOf = (name: string): FunctionSettings => {
    let s = settings.get(name);
    if (!s) {
      s = readFunctionSettings(functionsDir, name);
      settings.set(name, s);
    }
    return s;
  };
  const timeoutFor = (name: string): number => opts.invocationTimeoutMs ?? settingsOf(name).timeoutMs;

  const host = new FunctionHost({
    functionsDir,
    repoRoot: REPO_ROOT,
    maxInstances: Math.max(1, opts.maxInstancesPerFunction ?? DEFAULT_MAX_INSTANCES),
    idleMs: opts.instanceIdleMs ?? DEFAULT_IDLE_MS,
    timeoutFor,
    workerEnv: () => ({ ...baseWorkerEnv(), ...(typeof opts.functionEnv === 'function' ? opts.functionEnv(baseUrl) : (opts.functionEnv ?? {})), ...sdkEnv() }),
    logger,
  });

  const invocations = new Map<string, InvocationRecord>();

  async function invokeInternal(name: string, event: unknown, caller: InternalCaller): Promise<InvokeResult> {
    const stats: InvocationStats = { reads: 0, writes: 0, ops: [] };
    // The platform passes the event as JSON: one that cannot travel so is refused before any
    // instance sees it, as the request would be (copying it to a worker would overflow the stack).
    const eventText = eventJson(event);
    if (eventText === null) throw new InvocationError('invalid_event', `the event cannot be sent as JSON nested at most ${MAX_EVENT_DEPTH} levels`, stats);
    const token = randomBytes(16).toString('hex');
    const appid = caller.appid ?? appId;
    invocations.set(token, { openid: caller.openid, uid: caller.uid, appid, unionid: caller.unionid, source: caller.source, functionName: name, stats });
    // Per-invocation identity, set by the worker in its own process.env (protocol §8.2). A web
    // caller (an anonymous web session, docs/WEB-APP.md) comes with its CloudBase uid in TCB_UUID
    // and no openid, as CloudBase runs a call from @cloudbase/js-sdk.
    const web = caller.uid !== undefined && caller.uid !== '';
    const env: Record<string, string> = {
      WX_CONTEXT_KEYS: CONTEXT_KEYS,
      WX_APPID: appid,
      TCB_ENV: envId,
      TCB_SOURCE: caller.source,
      WX_API_TOKEN: token,
      LOCALCLOUD_TIME_OFFSET_MS: String(offsetMs),
    };
    if (web) {
      env.TCB_UUID = caller.uid as string;
      env.TCB_ISANONYMOUS_USER = 'true';
    } else {
      env.WX_OPENID = caller.openid;
    }
    if (caller.unionid) env.WX_UNIONID = caller.unionid;
    if (caller.clientIp) env.WX_CLIENTIP = caller.clientIp.replace(/^::ffff:/, '');
    // The platform adds a mini-program caller's userInfo.
    let payload: unknown = JSON.parse(eventText);
    if (isPlainObject(payload) && caller.openid && !web) payload = { ...payload, userInfo: { appId: appid, openId: caller.openid } };
    const context = {
      request_id: randomBytes(16).toString('hex'),
      function_name: name,
      function_version: '$LATEST',
      namespace: envId,
      memory_limit_in_mb: settingsOf(name).memoryMb,
      time_limit_in_ms: timeoutFor(name),
    };
    const started = performance.now();
    try {
      const { value, info } = await host.run(name, payload, env, context);
      return { result: value, stats, durationMs: performance.now() - started, coldStart: info.coldStart };
    } catch (err) {
      if (err instanceof FunctionFailure) throw new InvocationError(err.kind, err.message, stats);
      throw err;
    } finally {
      invocations.delete(token);
    }
  }

  const barriers = new Barriers();
  const admin = new AdminEndpoint({
    credentials,
    engine,
    storage,
    openapi,
    invocation: (token) => invocations.get(token),
    openapiAllowed: (fn, api) => settingsOf(fn).openapi.includes(api),
    invoke: async (name, event, caller) => {
      try {
        return (await invokeInternal(name, event, caller)).result;
      } catch (err) {
        if (err instanceof InvocationError) throw new FunctionFailure(err.kind, err.message);
        throw err;
      }
    },
    recordShape,
    barrier: (action, collection) => barriers.pass(action, collection),
    now: clock.now,
    logger,
  });

  const api = new ApiHost({
    devLogin: opts.devLogin ?? true,
    resolveDemoKey: opts.resolveDemoKey,
    staticDir: opts.staticDir,
    functionExists: (name) => host.exists(name),
    invoke: invokeInternal,
    putFile: (path, bytes) => storage.putFile(path, bytes),
    logger,
  });

  const server = createServer((req, res) => {
    const url = screenRequest(req, res);
    if (!url) return;
    const pathname = url.pathname;
    const work = async (): Promise<void> => {
      if (pathname === '/admin' && req.method === 'POST') return admin.handle(req, res);
      if (pathname.startsWith('/storage/upload/') && req.method === 'PUT') {
        return storage.handleUpload(pathname.slice('/storage/upload/'.length), req, res);
      }
      if (pathname.startsWith('/storage/download/') && (req.method === 'GET' || req.method === 'HEAD')) {
        return storage.handleDownload(pathname.slice('/storage/download/'.length), res);
      }
      if (pathname.startsWith('/api/')) return api.handle(req, res, pathname, url.searchParams);
      if (opts.staticDir) return serveStatic(opts.staticDir, req, res, pathname);
      req.resume();
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'not found' });
    };
    work().catch((err: unknown) => {
      logger(`[http] ${req.method} ${pathname} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  // Expired transactions release their locks even when nobody touches them again.
  const sweeper = setInterval(() => txm.sweep(), 5_000);
  sweeper.unref();

  let stopTimers: (() => void) | null = null;
  const startTimers = (): (() => void) => {
    stopTimers?.();
    const specs = host.names().flatMap((fn) => settingsOf(fn).triggers.map((t) => ({ fn, name: t.name, cron: t.cron })));
    const stop = scheduleTimers(
      specs,
      async (spec) => {
        try {
          await invokeInternal(spec.fn, { Type: 'Timer', TriggerName: spec.name, Time: new Date().toISOString() }, { openid: '', appid: '', source: 'timer' });
        } catch (err) {
          logger(`[timer] ${spec.fn}.${spec.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
      logger,
    );
    stopTimers = stop;
    return stop;
  };
  if (opts.timers) startTimers();

  let closed = false;
  return {
    url: baseUrl,
    adminUrl: `${baseUrl}/admin`,
    envId,
    sdkEnv,
    invoke: (name, event, caller: Caller) =>
      invokeInternal(name, event, { openid: caller.uid ? '' : caller.openid, appid: caller.appid, source: caller.source ?? (caller.uid ? 'web' : 'wx_client'), uid: caller.uid }),
    clock,
    queryShapes: () => Array.from(shapes.values(), (s) => ({ ...s, filter: [...s.filter], sort: [...s.sort] })),
    openapiCalls: () => calls.map((c) => ({ ...c })),
    db: createLocalDb(store, txm),
    reloadFunctions: () => {
      settings.clear();
      const restart = stopTimers !== null;
      if (restart) startTimers();
      return host.reload();
    },
    functionSettings: (name: string) => ({ ...settingsOf(name) }),
    functionCounts: () => host.counts(),
    barrier: (spec) => barriers.add(spec),
    startTimers,
    async close() {
      if (closed) return;
      closed = true;
      stopTimers?.();
      clearInterval(sweeper);
      await host.close();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
      txm.clear();
      store.close();
      if (inMemory) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
