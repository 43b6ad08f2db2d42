// Function instance: one worker thread = one warm cloud-function instance. It requires the built
// bundle once, then runs one invocation at a time, setting the caller's identity in its own
// process.env (its private copy) for the duration of the call, as the SCF runtime does.
// Plain CommonJS because worker threads cannot load TypeScript under jest.
'use strict';

const { parentPort, workerData } = require('node:worker_threads');
const Module = require('node:module');

const { bundlePath, repoRoot } = workerData;

// A bundle outside the repo (or without its own node_modules) still finds the repo's wx-server-sdk.
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
