// Cold start (docs/COLD-START.md): a new instance of any function loads wx-server-sdk and its own
// bundle, nothing else. exceljs, sanitize-html and pinyin-pro stay out of the bundles and are
// required only by the actions that use them; each deploy root lists exactly those its bundle
// requires, at the versions the root package.json pins and node_modules holds (what the tests run
// is what the cloud installs). Cheap: one child process loads every built bundle (built by the
// integration project's global setup) and reports what each load added to require.cache. The
// timings themselves are npm run bench:coldstart's (docs/BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
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

describe('cold start', () => {
  const names = functionNames();

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
});
