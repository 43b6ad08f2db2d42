// Function host: runs cloud-function bundles in pools of worker-thread instances, one invocation
// at a time per instance, warm between invocations, with a per-invocation timeout. It knows nothing
// of identity or accounting: the caller hands it the env vars and the context for each call.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** `invalid_event`: the event cannot travel as the platform's JSON (too deep, not serialisable). */
export type FunctionFailureKind = 'not_found' | 'threw' | 'timeout' | 'crashed' | 'closed' | 'invalid_event';

export class FunctionFailure extends Error {
  constructor(
    readonly kind: FunctionFailureKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'FunctionFailure';
  }
}

export interface FunctionHostOptions {
  functionsDir: string;
  repoRoot: string;
  /** Instances per function at most (the platform's concurrency cap, here bounded for memory). */
  maxInstances: number;
  /** An instance idle this long is stopped (the platform reclaims idle instances too). */
  idleMs: number;
  /** The invocation timeout of a function (its declaration, or the override the cloud was started with). */
  timeoutFor(name: string): number;
  /** Env copy given to each new worker (the wx-server-sdk settings). */
  workerEnv(): Record<string, string>;
  logger(line: string): void;
}

/** What one invocation gives back besides its result. */
export interface RunInfo {
  /** The invocation started a new instance (loaded the function), as a cold start on the platform. */
  coldStart: boolean;
  instanceId: number;
}

interface Task {
  event: unknown;
  env: Record<string, string>;
  context: Record<string, unknown>;
  resolve(result: { value: unknown; info: RunInfo }): void;
  reject(err: FunctionFailure): void;
  /** Set when the task is handed to an instance that had run nothing yet. */
  coldStart?: boolean;
}

/**
 * The JSON text each result was parsed from, so a caller that sends the result on as JSON (the
 * H5 host) can send the text the function produced instead of serialising the value again:
 * JSON.stringify of a value parsed from JSON.stringify's output gives the same text.
 */
const resultText = new WeakMap<object, string>();

/** The JSON text of a result returned by FunctionHost.run (an object or array), if it is one. */
export function resultJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? resultText.get(value) : undefined;
}

/** Counts per function since the cloud started. */
export interface FunctionCounts {
  invocations: number;
  coldStarts: number;
  instances: number;
  peakInstances: number;
}

interface Instance {
  id: number;
  worker: Worker;
  ready: boolean;
  busy: boolean;
  retired: boolean;
  /** Has run no invocation yet: the next one is its cold start. */
  fresh: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
  idleTimer?: NodeJS.Timeout;
}

/** Instances loading their function at the same time, at most. */
const STARTING_AT_ONCE = Math.max(1, availableParallelism());

/** How long a new instance may take to require its bundle before it is given up. */
const LOAD_TIMEOUT_MS = 30_000;
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,60}$/;

class Pool {
  private readonly instances: Instance[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private nextCall = 1;
  readonly counts: FunctionCounts = { invocations: 0, coldStarts: 0, instances: 0, peakInstances: 0 };

  constructor(
    private readonly name: string,
    private readonly bundlePath: string,
    private readonly opts: FunctionHostOptions,
    private readonly timeoutMs: number,
  ) {}

  submit(task: Task): void {
    this.queue.push(task);
    this.pump();
  }

  /** Stop idle instances now and busy ones after their current invocation. */
  retireAll(): Promise<void> {
    const stops: Array<Promise<number>> = [];
    for (const inst of [...this.instances]) {
      inst.retired = true;
      if (!inst.busy) stops.push(this.remove(inst));
    }
    return Promise.all(stops).then(() => undefined);
  }

  close(): Promise<void> {
    for (const task of this.queue.splice(0)) task.reject(new FunctionFailure('closed', 'local cloud is closing'));
    const stops: Array<Promise<number>> = [];
    for (const inst of [...this.instances]) {
      if (inst.task) inst.task.reject(new FunctionFailure('closed', 'local cloud is closing'));
      inst.task = undefined;
      stops.push(this.remove(inst));
    }
    return Promise.all(stops).then(() => undefined);
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let idle: Instance | undefined;
      let starting = 0;
      let live = 0;
      for (const i of this.instances) {
        if (i.retired) continue;
        live++;
        if (!i.ready) starting++;
        else if (!i.busy && !idle) idle = i;
      }
      if (idle) {
        this.dispatch(idle, this.queue.shift() as Task);
        continue;
      }
      // Start another instance only if the waiting calls outnumber the instances already starting,
      // and no more than one per core at a time: a burst of loads all at once would only make
      // every one of them slower (and the warm instances with them).
      if (live < this.opts.maxInstances && starting < this.queue.length && starting < STARTING_AT_ONCE) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    const id = this.nextId++;
    const dir = dirname(this.bundlePath);
    const worker = new Worker(join(__dirname, 'function-worker.js'), {
      // As Tencent's runtime: the function's folder and its node_modules on NODE_PATH.
      env: { ...this.opts.workerEnv(), NODE_PATH: [dir, join(dir, 'node_modules')].join(delimiter) },
      // No loader or flag of the host process (tsx, jest, --require …) reaches the function.
      execArgv: [],
      workerData: { bundlePath: this.bundlePath, repoRoot: this.opts.repoRoot, functionName: this.name },
      stdout: true,
      stderr: true,
    });
    const inst: Instance = { id, worker, ready: false, busy: false, retired: false, fresh: true };
    this.instances.push(inst);
    this.counts.instances = this.instances.length;
    this.counts.peakInstances = Math.max(this.counts.peakInstances, this.instances.length);
    const prefix = `[fn ${this.name}#${id}]`;
    forwardLines(worker.stdout, (line) => this.opts.logger(`${prefix} ${line}`));
    forwardLines(worker.stderr, (line) => this.opts.logger(`${prefix} ${line}`));
    const loadTimer = setTimeout(() => {
      this.failInstance(inst, new FunctionFailure('crashed', `function ${this.name} did not load within ${LOAD_TIMEOUT_MS} ms`));
    }, LOAD_TIMEOUT_MS);
    loadTimer.unref();
    worker.on('message', (msg: unknown) => {
      const m = msg as { type?: unknown; message?: unknown; ok?: unknown; json?: unknown; stack?: unknown; line?: unknown; coldStart?: unknown };
      if (m.type === 'guard') {
        this.opts.logger(`[guard] ${String(m.line)}`);
      } else if (m.type === 'ready') {
        clearTimeout(loadTimer);
        inst.ready = true;
        this.pump();
      } else if (m.type === 'loadError') {
        clearTimeout(loadTimer);
        const failure = new FunctionFailure('threw', String(m.message));
        // Every waiting call would hit the same broken bundle: fail them all.
        for (const task of this.queue.splice(0)) task.reject(failure);
        void this.remove(inst);
      } else if (m.type === 'result') {
        const task = inst.task;
        this.finish(inst);
        if (!task) return;
        if (m.ok === true) {
          const json = String(m.json);
          const value: unknown = JSON.parse(json);
          if (typeof value === 'object' && value !== null) resultText.set(value, json);
          task.resolve({ value, info: { coldStart: task.coldStart === true, instanceId: inst.id } });
        } else {
          task.reject(new FunctionFailure('threw', String(m.message), typeof m.stack === 'string' ? m.stack : undefined));
        }
      }
    });
    worker.on('error', (err) => {
      clearTimeout(loadTimer);
      this.failInstance(inst, new FunctionFailure('crashed', `${err.name}: ${err.message}`, err.stack));
    });
    worker.on('exit', (code) => {
      clearTimeout(loadTimer);
      if (this.instances.includes(inst)) {
        this.failInstance(inst, new FunctionFailure('crashed', `function instance exited with code ${code}`));
      }
    });
  }

  private dispatch(inst: Instance, task: Task): void {
    if (inst.idleTimer) clearTimeout(inst.idleTimer);
    inst.idleTimer = undefined;
    inst.busy = true;
    inst.task = task;
    task.coldStart = inst.fresh;
    inst.fresh = false;
    this.counts.invocations += 1;
    if (task.coldStart) this.counts.coldStarts += 1;
    const callId = this.nextCall++;
    inst.timer = setTimeout(() => {
      // SCF kills a timed-out instance; so do we.
      const seconds = (this.timeoutMs / 1000).toFixed(2);
      this.failInstance(inst, new FunctionFailure('timeout', `Task timed out after ${seconds} seconds`));
    }, this.timeoutMs);
    inst.worker.postMessage({ type: 'invoke', id: callId, event: task.event, env: task.env, context: task.context });
  }

  private finish(inst: Instance): void {
    if (inst.timer) clearTimeout(inst.timer);
    inst.timer = undefined;
    inst.task = undefined;
    inst.busy = false;
    if (inst.retired) void this.remove(inst);
    else {
      const idle = setTimeout(() => {
        if (!inst.busy && this.instances.includes(inst)) void this.remove(inst);
      }, this.opts.idleMs);
      idle.unref();
      inst.idleTimer = idle;
    }
    this.pump();
  }

  private failInstance(inst: Instance, failure: FunctionFailure): void {
    if (inst.timer) clearTimeout(inst.timer);
    const task = inst.task;
    inst.task = undefined;
    void this.remove(inst);
    if (task) task.reject(failure);
    else if (!inst.ready) for (const t of this.queue.splice(0)) t.reject(failure);
    this.pump();
  }

  private remove(inst: Instance): Promise<number> {
    const index = this.instances.indexOf(inst);
    if (index >= 0) this.instances.splice(index, 1);
    this.counts.instances = this.instances.length;
    if (inst.idleTimer) clearTimeout(inst.idleTimer);
    inst.retired = true;
    return inst.worker.terminate();
  }
}

export class FunctionHost {
  private readonly pools = new Map<string, Pool>();
  /** Counts of pools replaced by a reload. */
  private readonly totals = new Map<string, FunctionCounts>();
  private closed = false;

  constructor(private readonly opts: FunctionHostOptions) {}

  bundlePath(name: string): string | undefined {
    if (!FUNCTION_NAME.test(name)) return undefined;
    const path = join(this.opts.functionsDir, name, 'index.js');
    return statSync(path, { throwIfNoEntry: false })?.isFile() ? path : undefined;
  }

  exists(name: string): boolean {
    return this.bundlePath(name) !== undefined;
  }

  /** Runs one invocation; resolves with the JSON-parsed result or rejects with a FunctionFailure. */
  run(name: string, event: unknown, env: Record<string, string>, context: Record<string, unknown>): Promise<{ value: unknown; info: RunInfo }> {
    if (this.closed) return Promise.reject(new FunctionFailure('closed', 'local cloud is closed'));
    const bundle = this.bundlePath(name);
    if (!bundle) return Promise.reject(new FunctionFailure('not_found', `function ${name} not found`));
    let pool = this.pools.get(name);
    if (!pool) {
      pool = new Pool(name, bundle, this.opts, this.opts.timeoutFor(name));
      this.pools.set(name, pool);
    }
    const target = pool;
    return new Promise((resolve, reject) => target.submit({ event, env, context, resolve, reject }));
  }

  /** Invocations, cold starts and instances per function, counted since the start (a reload keeps them). */
  counts(): Record<string, FunctionCounts> {
    const out: Record<string, FunctionCounts> = {};
    for (const [name, c] of this.totals) out[name] = { ...c };
    for (const [name, pool] of this.pools) {
      const prev = out[name] ?? { invocations: 0, coldStarts: 0, instances: 0, peakInstances: 0 };
      out[name] = {
        invocations: prev.invocations + pool.counts.invocations,
        coldStarts: prev.coldStarts + pool.counts.coldStarts,
        instances: pool.counts.instances,
        peakInstances: Math.max(prev.peakInstances, pool.counts.peakInstances),
      };
    }
    return out;
  }

  /** Names of the functions present (folders of the functions directory holding an index.js). */
  names(): string[] {
    if (!existsSync(this.opts.functionsDir)) return [];
    return readdirSync(this.opts.functionsDir).filter((name) => this.exists(name));
  }

  async reload(): Promise<void> {
    // New pools pick up changed bundles and declarations; old ones finish what they run.
    for (const [name, pool] of this.pools) {
      const prev = this.totals.get(name) ?? { invocations: 0, coldStarts: 0, instances: 0, peakInstances: 0 };
      this.totals.set(name, {
        invocations: prev.invocations + pool.counts.invocations,
        coldStarts: prev.coldStarts + pool.counts.coldStarts,
        instances: 0,
        peakInstances: Math.max(prev.peakInstances, pool.counts.peakInstances),
      });
    }
    const pools = Array.from(this.pools.values());
    this.pools.clear();
    await Promise.all(pools.map((pool) => pool.retireAll()));
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(Array.from(this.pools.values(), (pool) => pool.close()));
    this.pools.clear();
  }
}

function forwardLines(stream: NodeJS.ReadableStream | null, write: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      write(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
    }
  });
  stream.on('end', () => {
    if (buffer) write(buffer);
  });
}
