// Public types of the local cloud. Other code (scripts, tests, the dev server) depends on exactly these.

import type { FunctionSettings } from './declarations';
import type { FunctionCounts } from './function-host';
import type { Barrier, BarrierSpec } from './barrier';

export interface LocalCloudOptions {
  /** Directory for the SQLite file and stored files; ':memory:' (default) = in-memory SQLite + a temp dir removed on close. */
  dataDir?: string;
  /** 0 = random free port (default). The server listens on 127.0.0.1 only. */
  port?: number;
  /** Default 'local-dev'. */
  envId?: string;
  /** Folder holding <name>/index.js bundles; default <repo>/cloudfunctions. */
  functionsDir?: string;
  /**
   * Instances per function at most; by default one per concurrent invocation up to
   * DEFAULT_MAX_INSTANCES (32). Tests pin a smaller number to stay quick on 2 cores.
   */
  maxInstancesPerFunction?: number;
  /** An instance idle this long is stopped; default 120 000 ms. */
  instanceIdleMs?: number;
  /**
   * Overrides every function's timeout (tests use it to keep slow cases short). Without it each
   * function gets its declared timeout (cloudbaserc.json `timeout`), else WeChat's 3 s.
   */
  invocationTimeoutMs?: number;
  /** Run the functions' timer triggers (config.json `triggers`) by their cron, in Beijing time. Default false. */
  timers?: boolean;
  /** If set, serve this folder (the H5 build) at '/', with SPA fallback to index.html. */
  staticDir?: string;
  /** Enable POST /api/dev/login (default true); false in any non-dev mode. */
  devLogin?: boolean;
  /** Dev login: demo key -> openid. */
  resolveDemoKey?: (key: string) => string | undefined;
  /** msgSecCheck word list: content containing one is "risky". */
  blockedWords?: string[];
  /** msgSecCheck v2: content containing one of these (and no blocked word) is "review" (a person should look). */
  reviewWords?: string[];
  /** Default 'wx-local-app'. */
  appId?: string;
  /**
   * Declared indexes per collection (the project passes its `INDEXES`): a field list, or
   * `{fields, unique, sparse, name}`. Unique ones are enforced on every write; a collection may be
   * created after its indexes are declared. Kept in memory: declare them on every start.
   */
  indexes?: Record<string, readonly IndexDeclaration[]>;
  /**
   * The functions' own environment variables, as the console (or `npm run deploy`) sets them on
   * each function: e.g. the subscribe-message template ids. Default none. A function of the
   * cloud's own address (http://127.0.0.1:<port>, known once it listens) for settings that name it,
   * as WEB_APP_URL does when the same server serves the H5 app.
   */
  functionEnv?: Record<string, string> | ((url: string) => Record<string, string>);
  logger?: (line: string) => void;
}

export interface InvocationStats {
  reads: number;
  writes: number;
  ops: Array<{ action: string; collection?: string }>;
}

export interface QueryShape {
  collection: string;
  op: 'get' | 'count' | 'update' | 'remove' | 'aggregate';
  filter: string[];
  sort: string[];
}

export interface InvokeResult {
  result: unknown;
  stats: InvocationStats;
  durationMs: number;
  /** This invocation started a new instance (loaded the function first). */
  coldStart: boolean;
}

export interface OpenApiCall {
  api: string;
  params: Record<string, unknown>;
  openid?: string;
  at: number;
}

export interface Caller {
  /** The mini-program caller's openid; '' for a web caller. */
  openid: string;
  appid?: string;
  source?: string;
  /** A web caller's CloudBase uid (an anonymous web session): run with TCB_UUID and no openid. */
  uid?: string;
}

export type Document = Record<string, unknown>;

/** One index: ascending on `fields` in order; MongoDB's default name is `a_1_b_1`. */
export interface IndexSpec {
  fields: readonly string[];
  /** Two documents cannot share a key (a missing field counts as null, as in MongoDB). */
  unique?: boolean;
  /** Documents missing every indexed field are left out of the index (so never collide). */
  sparse?: boolean;
  name?: string;
}

/** A plain field list is a non-unique index on those fields. */
export type IndexDeclaration = readonly string[] | IndexSpec;

export interface IndexInfo {
  name: string;
  fields: string[];
  unique: boolean;
  sparse: boolean;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
}

/** Direct, synchronous access to the database for seeding and inspecting (no wire, no accounting). */
export interface LocalDb {
  /** Returns false when the collection already existed. */
  createCollection(name: string): boolean;
  /** Inserts one document (an `_id` is generated when missing) and returns its `_id`. */
  insert(collection: string, doc: Document): unknown;
  find(collection: string, filter?: Document, options?: FindOptions): Document[];
  get(collection: string, id: unknown): Document | undefined;
  count(collection: string, filter?: Document): number;
  listCollections(): string[];
  /** Applies update operators to every matching document; returns how many changed. */
  update(collection: string, filter: Document, modifier: Document): number;
  /** Removes every matching document; returns how many were removed. */
  remove(collection: string, filter: Document): number;
  /**
   * Declares an index on an existing collection and returns its name. Declaring the same index
   * again changes nothing; a unique index the documents already break fails with E11000.
   */
  createIndex(collection: string, index: IndexDeclaration): string;
  /** The collection's indexes, `_id_` first. */
  listIndexes(collection: string): IndexInfo[];
}

export interface LocalCloud {
  url: string;
  adminUrl: string;
  envId: string;
  /** Env vars that point a process's wx-server-sdk at this cloud. */
  sdkEnv(): Record<string, string>;
  invoke(name: string, event: unknown, caller: Caller): Promise<InvokeResult>;
  clock: { now(): number; set(epochMs: number): void; reset(): void };
  queryShapes(): QueryShape[];
  openapiCalls(): OpenApiCall[];
  db: LocalDb;
  /** Re-reads bundles and declarations (new instances start with them). */
  reloadFunctions(): Promise<void>;
  /**
   * Holds database requests matching `spec` until `parties` have arrived, then lets them all go:
   * for tests that must show a race (every caller past its check before any writes).
   */
  barrier(spec: BarrierSpec): Barrier;
  /** Invocations, cold starts and live/peak instances per function since the start. */
  functionCounts(): Record<string, FunctionCounts>;
  /** A function's declared settings as the local cloud reads them. */
  functionSettings(name: string): FunctionSettings;
  /** Starts the timer triggers (stopping any started before); returns a stop function. */
  startTimers(): () => void;
  close(): Promise<void>;
}
