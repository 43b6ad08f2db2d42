// Function instance: one worker thread = one warm cloud-function instance, set up as Tencent's
// Node.js runtime sets one up. It requires the function's index.js once, then runs one invocation
// at a time, setting the caller's identity in its own process.env (its private copy) for the
// duration of the call, as the SCF runtime does.
//
// - Module paths: NODE_PATH is the function's own folder and its node_modules (as the runtime sets
//   it), so `require('utils/db.js')` finds the function's own file; its own node_modules come first.
// - Fail closed: any connection or name lookup for a host other than this machine is refused
//   here, before anything leaves, and reported to the local cloud (which logs it loudly).
// Plain CommonJS because worker threads cannot load TypeScript under jest.
'use strict';

const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');
const net = require('node:net');
const dns = require('node:dns');

const { bundlePath, repoRoot, functionName } = workerData;

// NODE_PATH comes in this worker's env; the CommonJS loader reads it when told to.
Module._initPaths();

// A function without its own wx-server-sdk (our bundles in a test folder) finds the repo's.
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWithRepoFallback(request, parent, isMain, options) {
  try {
    return originalResolve.call(this, request, parent, isMain, options);
  } catch (err) {
    if (request === 'wx-server-sdk' || request.startsWith('wx-server-sdk/')) {
      return require.resolve(request, { paths: [repoRoot] });
    }
    throw err;
  }
};

// ---- Fail closed --------------------------------------------------------------------------------
const LOCAL_NAMES = new Set(['localhost', '127.0.0.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']);

function isLocalHost(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default is localhost
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  return LOCAL_NAMES.has(h) || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function refusal(host, port, how) {
  const where = port === undefined || port === null ? String(host) : `${host}:${port}`;
  parentPort.postMessage({ type: 'guard', line: `${functionName} tried to ${how} ${where}: refused (functions run by the local cloud may reach only this machine)` });
  const err = new Error(`[localcloud] ${how} ${where} refused: functions run by the local cloud may reach only this machine`);
  err.code = 'ELOCALCLOUDBLOCKED';
  err.host = String(host);
  return err;
}

/** The host and port of net.Socket#connect's arguments; null for a local (IPC) path. */
function target(args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === 'object') {
    if (first.path) return null;
    return { host: first.host, port: first.port };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null; // a path
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const t = target(args);
  if (t && !isLocalHost(t.host)) {
    const err = refusal(t.host, t.port, 'connect to');
    // As a refused connection: the error arrives on the socket, after the caller has listened.
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return originalConnect.apply(this, args);
};

function guardLookup(original, kind) {
  return function guarded(host, ...rest) {
    if (isLocalHost(host)) return original.call(this, host, ...rest);
    const err = refusal(host, undefined, kind);
    const callback = rest.find((a) => typeof a === 'function');
    if (callback) {
      process.nextTick(() => callback(err));
      return undefined;
    }
    return Promise.reject(err);
  };
}
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt', 'resolveSrv']) {
  if (typeof dns[name] === 'function') dns[name] = guardLookup(dns[name], 'look up');
  if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = guardLookup(dns.promises[name], 'look up');
}

// SCF keeps the instance alive after a stray rejection; log it instead of crashing the worker.
process.on('unhandledRejection', (reason) => {
  console.error('[localcloud] unhandled rejection in function:', reason);
});

let main;
try {
  const mod = require(bundlePath);
  main = mod && typeof mod.main === 'function' ? mod.main : undefined;
  if (!main) throw new Error(`${bundlePath} does not export main`);
  parentPort.postMessage({ type: 'ready' });
} catch (err) {
  parentPort.postMessage({ type: 'loadError', message: describe(err) });
}

function describe(err) {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

parentPort.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return;
  const keys = Object.keys(msg.env);
  for (const key of keys) process.env[key] = msg.env[key];
  try {
    const value = await main(msg.event, msg.context);
    // The platform returns the result as JSON; undefined becomes null.
    const json = value === undefined ? 'null' : JSON.stringify(value);
    parentPort.postMessage({ type: 'result', id: msg.id, ok: true, json: json === undefined ? 'null' : json });
  } catch (err) {
    parentPort.postMessage({
      type: 'result',
      id: msg.id,
      ok: false,
      message: describe(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
  } finally {
    for (const key of keys) delete process.env[key];
  }
});
