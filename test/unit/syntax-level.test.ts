// The build's syntax-level check and the weapp lowering pass: old iPhones (iOS 10, base library
// 2.15.0) cannot parse `?.` or `??`, so a built file with them must fail the build, and the
// lowering plugin must turn them into ES2015.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { LegacySyntaxPlugin } from '../../config/legacy-syntax';
import { checkSyntaxLevel, FUNCTIONS_ECMA_VERSION, WEAPP_ECMA_VERSION } from '../../scripts/lib/syntax-level';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'syntax-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, code: string): string {
  const file = path.join(dir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
  return file;
}

describe('checkSyntaxLevel', () => {
  test('GIVEN a built file with optional chaining WHEN checked at the weapp level THEN it is reported with its place', () => {
    write('app.js', 'var ok = [1, 2].map((x) => x * 2);\n');
    const bad = write('pages/index/index.js', 'var a = {};\nvar b = a?.b;\n');
    const result = checkSyntaxLevel([dir], WEAPP_ECMA_VERSION);
    expect(result.files).toBe(2);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: bad, line: 2 });
    expect(result.problems[0].excerpt).toContain('a?.b');
  });

  test.each([
    ['nullish coalescing', 'var x = null ?? 1;'],
    ['async functions (iOS 10.3)', 'async function f() { await 1; }'],
    ['object spread (iOS 11.3)', 'var o = { ...{ a: 1 } };'],
    ['exponent operator (iOS 10.3)', 'var p = 2 ** 3;'],
  ])('GIVEN %s WHEN checked at ES2015 THEN the file fails', (_name, code) => {
    write('x.js', code);
    expect(checkSyntaxLevel([dir], WEAPP_ECMA_VERSION).problems).toHaveLength(1);
  });

  test('GIVEN ES2015 (classes, arrows, let, template strings, for-of) THEN it passes', () => {
    write('x.js', 'class A { m() { let s = `${1}`; for (const c of [s]) {} return () => s; } }\n');
    expect(checkSyntaxLevel([dir], WEAPP_ECMA_VERSION).problems).toEqual([]);
  });

  test('GIVEN a cloud-function bundle WHEN checked for Node 16 THEN ?. passes and newer syntax fails', () => {
    write('org/index.js', 'var a = {}; var b = a?.b ?? 1; async function f() {}\n');
    expect(checkSyntaxLevel([dir], FUNCTIONS_ECMA_VERSION).problems).toEqual([]);
    write('exam/index.js', 'class A { static { this.x = 1; } }\n');
    const problems = checkSyntaxLevel([dir], FUNCTIONS_ECMA_VERSION).problems;
    expect(problems.map((p) => path.basename(path.dirname(p.file)))).toEqual(['exam']);
  });

  test('node_modules folders are not part of a package and are skipped', () => {
    write('node_modules/x/index.js', 'var b = a?.b;');
    expect(checkSyntaxLevel([dir], WEAPP_ECMA_VERSION)).toEqual({ files: 0, problems: [] });
  });
});

describe('LegacySyntaxPlugin', () => {
  function compile(withPlugin: boolean): Promise<string> {
    const entry = write(
      'src/entry.js',
      'const cfg = globalThis.cfg;\nexport const name = cfg?.user?.name ?? "无";\nexport async function load() { const o = { ...cfg }; return o; }\n',
    );
    const compiler = webpack({
      mode: 'none',
      context: dir,
      entry,
      target: ['web', 'es2020'],
      output: { path: path.join(dir, withPlugin ? 'out-lowered' : 'out-raw'), filename: 'bundle.js' },
      plugins: withPlugin ? [new LegacySyntaxPlugin()] : [],
    });
    return new Promise((resolve, reject) => {
      compiler.run((err, stats) => {
        if (err || !stats || stats.hasErrors()) reject(err ?? new Error(stats?.toString() ?? 'no stats'));
        else compiler.close(() => resolve(path.join(dir, withPlugin ? 'out-lowered' : 'out-raw')));
      });
    });
  }

  test('GIVEN a module with ?., ??, async and object spread WHEN built without the plugin THEN the check fails; WITH it THEN the output parses at ES2015', async () => {
    const raw = await compile(false);
    expect(checkSyntaxLevel([raw], WEAPP_ECMA_VERSION).problems).toHaveLength(1);
    const lowered = await compile(true);
    expect(checkSyntaxLevel([lowered], WEAPP_ECMA_VERSION).problems).toEqual([]);
    const code = readFileSync(path.join(lowered, 'bundle.js'), 'utf8');
    expect(code).not.toContain('?.');
    expect(code).not.toContain('??');
  }, 30_000);
});
