// Cold start (docs/COLD-START.md): a new instance of any function loads wx-server-sdk and its own
// bundle, nothing else. exceljs, sanitize-html and pinyin-pro stay out of the bundles and are
// required only by the actions that use them; each deploy root lists exactly those its bundle
// requires, at the versions the root package.json pins and node_modules holds (what the tests run
// is what the cloud installs). Loading a bundle calls nothing of the SDK (cloud.init() runs on the
// instance's first use of it, before any other SDK call) and builds no zod schema (each action's
// is built on its first call). Cheap: child processes load the built bundles (built by the
// integration project's global setup) and report what each load did; the local cloud runs one
// member's action and one timer through a bundle whose SDK calls are recorded. The timings
// themselves are npm run bench:coldstart's (docs/BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { builtCount } from '../../core/contracts/lazy';
import { campaignSchemas } from '../../core/contracts/campaign';
import { checkinSchemas } from '../../core/contracts/checkin';
import { eventSchemas } from '../../core/contracts/event';
import { consoleSchemas } from '../../core/contracts/console';
import { examSchemas } from '../../core/contracts/exam';
import { feedSchemas } from '../../core/contracts/feed';
import { orgSchemas } from '../../core/contracts/org';
import { pointsSchemas } from '../../core/contracts/points';
import { quizSchemas } from '../../core/contracts/quiz';
import { startTestCloud, type TestCloud } from '../helpers/cloud';
import { functionNames, LAZY_PACKAGES } from '../../scripts/build-functions';
import { syntaxProblem } from '../../scripts/lib/syntax-level';
import { FUNCTIONS_ECMA_VERSION } from '../../config/syntax-targets';

const ROOT = path.resolve(__dirname, '..', '..');
const bundle = (fn: string) => path.join(ROOT, 'cloudfunctions', fn, 'index.js');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

// Loads wx-server-sdk, then each bundle in turn; prints, per bundle, the modules its load added.
const PROBE = `
require('wx-server-sdk');
const added = {};
for (const file of JSON.parse(process.argv[1])) {
  const before = new Set(Object.keys(require.cache));
  require(file);
  added[file] = Object.keys(require.cache).filter((k) => !before.has(k));
}
process.stdout.write(JSON.stringify(added));
`;

// wx-server-sdk's functions, wrapped to record each call by name (the real functions run).
const RECORD_SDK = `
const sdk = require('wx-server-sdk');
const sdkCalls = [];
for (const [name, value] of Object.entries(sdk)) {
  if (typeof value !== 'function' || /^[A-Z]/.test(name)) continue;
  sdk[name] = function (...args) { sdkCalls.push(name); return value.apply(this, args); };
}
`;

// Also counts the zod schemas (and checks) each load constructs: zod gives every instance its
// \`_zod\` property through Object.defineProperty, whichever copy of zod a bundle carries.
// In a function: the names of \`node -e\`'s top level would be globals every module sees.
const LOAD_PROBE = `(() => {${RECORD_SDK}
let zodInstances = 0;
const defineProperty = Object.defineProperty;
Object.defineProperty = function (o, key, d) { if (key === '_zod') zodInstances++; return defineProperty.call(this, o, key, d); };
const out = {};
for (const file of JSON.parse(process.argv[1])) {
  sdkCalls.length = 0;
  zodInstances = 0;
  require(file);
  out[file] = { sdkCalls: [...sdkCalls], zodInstances };
}
process.stdout.write(JSON.stringify(out));
})();
`;

describe('cold start', () => {
  const names = functionNames();

  it('loading a bundle calls nothing of wx-server-sdk (not even cloud.init) and builds no zod schema', () => {
    const files = names.map(bundle);
    const out = execFileSync(process.execPath, ['-e', LOAD_PROBE, JSON.stringify(files)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const loads = JSON.parse(out) as Record<string, { sdkCalls: string[]; zodInstances: number }>;
    for (const fn of names) {
      const load = loads[bundle(fn)];
      expect([fn, load.sdkCalls]).toEqual([fn, []]);
      expect([fn, load.zodInstances]).toEqual([fn, 0]);
    }
  });

  it('a contract builds an action’s schema on that action’s first read, once; its keys are the actions', () => {
    const maps = { campaignSchemas, checkinSchemas, consoleSchemas, eventSchemas, examSchemas, feedSchemas, orgSchemas, pointsSchemas, quizSchemas };
    for (const [name, schemas] of Object.entries(maps)) {
      expect([name, builtCount(schemas)]).toEqual([name, 0]);
      expect(Object.keys(schemas).length).toBeGreaterThan(4);
    }
    expect(Object.keys(examSchemas)).toEqual(expect.arrayContaining(['listExams', 'startExam', 'submitAttempt', 'saveExam', 'sweepAttempts']));
    expect(Object.keys(campaignSchemas)).toEqual(expect.arrayContaining(['createCampaign', 'addTaskItem'])); // task lists spread in
    expect(Object.prototype.hasOwnProperty.call(examSchemas, 'toString')).toBe(false);
    const first = examSchemas.saveAnswers;
    expect(builtCount(examSchemas)).toBe(1);
    expect(examSchemas.saveAnswers).toBe(first);
    expect(builtCount(examSchemas)).toBe(1);
    // The built schema is the contract's: strict, with its messages.
    expect(first.safeParse({ attemptId: 'a1', answers: [{ qid: 'q1', choice: [0] }] }).success).toBe(true);
    expect(first.safeParse({ attemptId: 'a1', answers: [], score: 100 }).success).toBe(false);
  });

  it('loading a bundle after wx-server-sdk loads the bundle alone: no exceljs, sanitiser or pinyin at start', () => {
    const files = names.map(bundle);
    const out = execFileSync(process.execPath, ['-e', PROBE, JSON.stringify(files)], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    const added = JSON.parse(out) as Record<string, string[]>;
    for (const file of files) expect([file, added[file]]).toEqual([file, [file]]);
  });

  it('each bundle is small: the lazy packages are required, not carried; zod brings its Chinese messages alone', () => {
    // esbuild writes non-ASCII text as \u escapes.
    const has = (text: string, words: string) => text.includes(words) || text.includes(words.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`));
    for (const fn of names) {
      const text = readFileSync(bundle(fn), 'utf8');
      expect([fn, statSync(bundle(fn)).size < 450 * 1024]).toEqual([fn, true]);
      // zod's Chinese locale is there (members read its messages), the German one (any other) is not:
      // `import { z } from 'zod'` anywhere would bring every language back (docs/COLD-START.md).
      expect([fn, has(text, '无效输入'), has(text, 'Ungültige Eingabe')]).toEqual([fn, true, false]);
    }
  });

  it('each deploy root lists the lazy packages its bundle requires, at the root pins node_modules holds', () => {
    const root = readJson(path.join(ROOT, 'package.json'));
    const pins = { ...root.dependencies, ...root.devDependencies };
    for (const fn of names) {
      const text = readFileSync(bundle(fn), 'utf8');
      const deps = readJson(path.join(ROOT, 'cloudfunctions', fn, 'package.json')).dependencies ?? {};
      const required = LAZY_PACKAGES.filter((pkg) => text.includes(`require("${pkg}")`));
      expect([fn, Object.keys(deps).sort()]).toEqual([fn, [...required, 'wx-server-sdk'].sort()]);
      for (const [pkg, version] of Object.entries(deps)) {
        expect([fn, pkg, version]).toEqual([fn, pkg, pins[pkg]]);
        expect([fn, pkg, readJson(path.join(ROOT, 'node_modules', pkg, 'package.json')).version]).toEqual([fn, pkg, version]);
      }
    }
    // The packages are used where expected: an import reads workbooks, the org listing key reads pinyin.
    expect(readJson(path.join(ROOT, 'cloudfunctions', 'org', 'package.json')).dependencies).toEqual(
      expect.objectContaining({ exceljs: pins.exceljs, 'pinyin-pro': pins['pinyin-pro'] }),
    );
    expect(readJson(path.join(ROOT, 'cloudfunctions', 'feed', 'package.json')).dependencies).toEqual(expect.objectContaining({ 'sanitize-html': pins['sanitize-html'] }));
  });

  it('what a lazy package loads parses at the oldest runtime’s level (the build no longer lowers it)', () => {
    const probe = `const before = new Set(Object.keys(require.cache));
for (const p of JSON.parse(process.argv[1])) require(p);
process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((k) => !before.has(k))));`;
    const loaded = JSON.parse(execFileSync(process.execPath, ['-e', probe, JSON.stringify(LAZY_PACKAGES)], { cwd: ROOT, encoding: 'utf8' })) as string[];
    const scripts = loaded.filter((f) => /\.c?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(10);
    const problems = scripts.map((f) => syntaxProblem(f, readFileSync(f, 'utf8'), FUNCTIONS_ECMA_VERSION)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  describe('cloud.init() runs on the instance\'s first use of the SDK, before any other SDK call', () => {
    // The local cloud runs a wrapper of each function that records its SDK calls, then loads the
    // real bundle and hands every invocation to it; `{ probe: 'sdkCalls' }` reads the record.
    let t: TestCloud;
    let dir: string;
    const wrapper = (fn: string) => `${RECORD_SDK}
const real = require(${JSON.stringify(bundle(fn))});
const atLoad = [...sdkCalls];
exports.main = async (event, context) => (event && event.probe === 'sdkCalls' ? { atLoad, calls: [...sdkCalls] } : real.main(event, context));
`;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'cold-start-'));
      for (const fn of ['exam', 'points']) {
        mkdirSync(path.join(dir, fn));
        writeFileSync(path.join(dir, fn, 'index.js'), wrapper(fn));
        copyFileSync(path.join(ROOT, 'cloudfunctions', fn, 'config.json'), path.join(dir, fn, 'config.json'));
      }
      // One instance per function: every invocation below lands on the instance that recorded.
      t = await startTestCloud({ functionsDir: dir, maxInstancesPerFunction: 1 });
    });
    afterAll(async () => {
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const record = async (fn: string) => (await t.cloud.invoke(fn, { probe: 'sdkCalls' }, { openid: '' })).result as { atLoad: string[]; calls: string[] };

    it('a member\'s action: init first, then the caller and the database, once per instance', async () => {
      expect((await t.call('demo-member', 'exam', 'listExams', {})).ok).toBe(true);
      const { atLoad, calls } = await record('exam');
      expect(atLoad).toEqual([]);
      expect(calls[0]).toBe('init');
      expect(calls).toEqual(expect.arrayContaining(['getWXContext', 'database']));
      expect((await t.call('demo-member', 'exam', 'listExams', {})).ok).toBe(true);
      expect((await record('exam')).calls.filter((c) => c === 'init')).toEqual(['init']);
    });

    it('a timer trigger as the instance\'s first invocation: init first, then its job\'s database reads', async () => {
      const run = await t.cloud.invoke('points', { Type: 'Timer', TriggerName: 'pointsRollups' }, { openid: '' });
      expect((run.result as { ok: boolean }).ok).toBe(true);
      expect(run.stats.reads).toBeGreaterThan(0);
      const { atLoad, calls } = await record('points');
      expect(atLoad).toEqual([]);
      expect(calls[0]).toBe('init');
      expect(calls).toContain('database');
      expect(calls.filter((c) => c === 'init')).toEqual(['init']);
    });
  });
});
