// Bundles each cloud function (functions/<name>/index.ts) into one file,
// cloudfunctions/<name>/index.js, with esbuild. wx-server-sdk stays external and must be pinned
// in that function's package.json: WeChat installs it in the cloud. TypeScript sources never
// sit in a deploy root.

import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkSyntaxLevel, describeProblems, FUNCTIONS_ECMA_VERSION, FUNCTIONS_NODE_TARGET } from './lib/syntax-level';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'functions');
const OUT = path.join(ROOT, 'cloudfunctions');
export const WX_SERVER_SDK_VERSION = '4.0.2';

export function functionNames(): string[] {
  return readdirSync(SRC).filter((n) => n !== 'lib' && existsSync(path.join(SRC, n, 'index.ts')));
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
  for (const name of functionNames()) {
    checkDeployRoot(name);
    const started = Date.now();
    const outfile = path.join(OUT, name, 'index.js');
    await build({
      entryPoints: [path.join(SRC, name, 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      // WeChat cloud functions offer Node.js 16 and 18 runtimes; 16 is the floor we support.
      target: FUNCTIONS_NODE_TARGET,
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
  }
  // A bundle the runtime cannot parse fails every call: check each at the level Node 16 parses.
  const syntax = checkSyntaxLevel(results.map((r) => path.join(OUT, r.name)), FUNCTIONS_ECMA_VERSION);
  if (syntax.problems.length > 0) throw new Error(describeProblems(syntax.problems, FUNCTIONS_ECMA_VERSION, ROOT));
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
