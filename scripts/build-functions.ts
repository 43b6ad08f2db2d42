// Bundles each cloud function (functions/<name>/index.ts) into one file,
// cloudfunctions/<name>/index.js, with esbuild, for the Node.js runtime the function declares
// (functions/<name>/function.ts). From the same declarations it writes what each platform reads:
// cloudfunctions/<name>/config.json (WeChat) and cloudbaserc.json (CloudBase CLI). wx-server-sdk
// stays external and must be pinned in that function's package.json: WeChat installs it in the
// cloud. TypeScript sources never sit in a deploy root.
//
// Cold start (docs/COLD-START.md): the heavy libraries only some organiser actions use (exceljs,
// sanitize-html, pinyin-pro) stay external too, required on first use by the code that needs
// them, so a new instance parses only wx-server-sdk and the function's own code. Each deploy root's
// package.json lists exactly the packages its bundle requires, at the root package.json's pins
// (the cloud installs them: installDependency); the build refuses one that differs.

import { build, type Metafile } from 'esbuild';
import { isBuiltin } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { functionSyntax } from '../config/syntax-targets';
import { cloudbaseEntry, declarationProblems, RUNTIMES, wechatConfig, type FunctionDeclaration } from '../functions/lib/declaration';
import { checkSyntaxLevel, describeProblems } from './lib/syntax-level';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'functions');
const OUT = path.join(ROOT, 'cloudfunctions');
export const WX_SERVER_SDK_VERSION = '4.0.2';
/** Heavy packages left out of every bundle and required where they are used (docs/COLD-START.md). */
export const LAZY_PACKAGES = ['exceljs', 'sanitize-html', 'pinyin-pro'] as const;
const EXTERNAL = ['wx-server-sdk', ...LAZY_PACKAGES];

/** The exact version the root package.json pins `pkg` to (a deploy root must pin the same). */
export function rootPin(pkg: string): string {
  const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const version = root.dependencies?.[pkg] ?? root.devDependencies?.[pkg];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`package.json must pin ${pkg} to an exact version (found ${version ?? 'none'})`);
  return version;
}

/** The package a bare import names: `exceljs` for `exceljs/lib/x`, `@a/b` for `@a/b/c`. */
const packageOf = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** What a deploy root's package.json must list for a bundle requiring `required`: each at the root's pin. */
export function deployDependencies(required: Iterable<string>): Record<string, string> {
  const names = [...new Set(['wx-server-sdk', ...required])].sort();
  return Object.fromEntries(names.map((n) => [n, n === 'wx-server-sdk' ? WX_SERVER_SDK_VERSION : rootPin(n)]));
}

export function functionNames(): string[] {
  return readdirSync(SRC).filter((n) => n !== 'lib' && existsSync(path.join(SRC, n, 'index.ts')));
}

/** Each function's declaration, checked; throws naming every problem. */
export function functionDeclarations(): Array<{ name: string; declaration: FunctionDeclaration }> {
  const out = functionNames().map((name) => {
    const file = path.join(SRC, name, 'function.ts');
    if (!existsSync(file)) throw new Error(`functions/${name}/function.ts (its declaration) is missing`);
    const declaration = (require(file) as { default: FunctionDeclaration }).default;
    return { name, declaration };
  });
  const problems = out.flatMap((f) => declarationProblems(f.name, f.declaration));
  if (problems.length) throw new Error(`function declarations:\n  ${problems.join('\n  ')}`);
  return out;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The generated files, path → content: each deploy root's config.json and cloudbaserc.json. */
export function declarationOutputs(): Map<string, string> {
  const decls = functionDeclarations();
  const files = new Map<string, string>();
  for (const { name, declaration } of decls) files.set(path.join(OUT, name, 'config.json'), json(wechatConfig(declaration)));
  files.set(
    path.join(ROOT, 'cloudbaserc.json'),
    json({
      version: '2.0',
      // Filled in by the deploy step from the environment chosen there.
      envId: '{{env.ENV_ID}}',
      functionRoot: './cloudfunctions',
      functions: decls.map(({ name, declaration }) => cloudbaseEntry(name, declaration)),
    }),
  );
  return files;
}

function checkDeployRoot(name: string): void {
  const dir = path.join(OUT, name);
  const pkgPath = path.join(dir, 'package.json');
  if (!existsSync(pkgPath)) throw new Error(`cloudfunctions/${name}/package.json is missing`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies?: Record<string, string> };
  if (pkg.dependencies?.['wx-server-sdk'] !== WX_SERVER_SDK_VERSION) {
    throw new Error(`cloudfunctions/${name}/package.json must pin wx-server-sdk to exactly ${WX_SERVER_SDK_VERSION}`);
  }
  const stray = readdirSync(dir).filter((f) => /\.tsx?$/.test(f));
  if (stray.length) throw new Error(`TypeScript sources in deploy root cloudfunctions/${name}: ${stray.join(', ')}`);
}

/** The external packages (not Node's built-ins) a bundle requires, from esbuild's metafile. */
function requiredPackages(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((o) => o.imports);
  return [...new Set(imports.filter((i) => i.external && !i.path.startsWith('node:')).map((i) => packageOf(i.path)))].filter((p) => !isBuiltin(p)).sort();
}

/** A deploy root lists exactly what its bundle requires, pinned as the root package.json pins it. */
function checkDependencies(name: string, required: string[]): void {
  const unlisted = required.filter((p) => !EXTERNAL.includes(p));
  if (unlisted.length) throw new Error(`cloudfunctions/${name}/index.js requires ${unlisted.join(', ')}, which the build does not leave external`);
  const pkgPath = path.join(OUT, name, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies?: Record<string, string> };
  const want = deployDependencies(required);
  if (JSON.stringify(pkg.dependencies ?? {}) !== JSON.stringify(want)) {
    throw new Error(
      `cloudfunctions/${name}/package.json must list exactly the packages its bundle requires, at the root's pins (keys sorted):\n` +
        `  "dependencies": ${JSON.stringify(want)}\n  found: ${JSON.stringify(pkg.dependencies ?? {})}`,
    );
  }
}

export async function buildFunctions(options: { quiet?: boolean } = {}): Promise<Array<{ name: string; bytes: number; ms: number }>> {
  const results = [];
  for (const [file, content] of declarationOutputs()) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== content) writeFileSync(file, content);
  }
  const levels = new Map<string, 2021 | 2022>();
  for (const { name, declaration } of functionDeclarations()) {
    checkDeployRoot(name);
    const syntax = functionSyntax(RUNTIMES[declaration.runtime]);
    const started = Date.now();
    const outfile = path.join(OUT, name, 'index.js');
    const { metafile } = await build({
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: syntax.target,
      format: 'cjs',
      external: EXTERNAL,
      metafile: true,
      legalComments: 'none',
      // Smaller cold starts; names kept so stack traces in the cloud console stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      logLevel: 'warning',
      banner: { js: `// Built by npm run build:functions from functions/${name}/. Do not edit.` },
    });
    checkDependencies(name, requiredPackages(metafile));
    results.push({ name, bytes: statSync(outfile).size, ms: Date.now() - started });
    levels.set(name, syntax.ecmaVersion);
  }
  // A bundle the runtime cannot parse fails every call: check each at the level its runtime parses.
  for (const r of results) {
    const level = levels.get(r.name) as 2021 | 2022;
    const check = checkSyntaxLevel([path.join(OUT, r.name)], level);
    if (check.problems.length > 0) throw new Error(describeProblems(check.problems, level, ROOT));
  }
  if (!options.quiet) {
    for (const r of results) console.log(`cloudfunctions/${r.name}/index.js  ${(r.bytes / 1024).toFixed(0)} KB  (${r.ms} ms)`);
  }
  return results;
}

if (require.main === module) {
  buildFunctions().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
