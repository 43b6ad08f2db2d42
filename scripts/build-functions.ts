// Bundles each cloud function (functions/<name>/index.ts) into one file,
// cloudfunctions/<name>/index.js, with esbuild, for the Node.js runtime the function declares
// (functions/<name>/function.ts). From the same declarations it writes what each platform reads:
// cloudfunctions/<name>/config.json (WeChat) and cloudbaserc.json (CloudBase CLI). wx-server-sdk
// stays external and must be pinned in that function's package.json: WeChat installs it in the
// cloud. TypeScript sources never sit in a deploy root.

import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { functionSyntax } from '../config/syntax-targets';
import { cloudbaseEntry, declarationProblems, RUNTIMES, wechatConfig, type FunctionDeclaration } from '../functions/lib/declaration';
import { checkSyntaxLevel, describeProblems } from './lib/syntax-level';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'functions');
const OUT = path.join(ROOT, 'cloudfunctions');
export const WX_SERVER_SDK_VERSION = '4.0.2';

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
    await build({
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: syntax.target,
      format: 'cjs',
      external: ['wx-server-sdk'],
      legalComments: 'none',
      // Smaller cold starts; names kept so stack traces in the cloud console stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
      keepNames: true,
      logLevel: 'warning',
      banner: { js: `// Built by npm run build:functions from functions/${name}/. Do not edit.` },
    });
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
