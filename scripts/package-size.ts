// After a weapp build: how big is the main package and each subpackage? WeChat refuses to upload
// a main package (or any subpackage) over 2 MB, so this fails the build before DevTools does.
// Our own ceiling for the main package is 25 % of that. And does every built JS file parse at
// the syntax level the oldest supported WeChat on iOS runs (scripts/lib/syntax-level.ts)? And is
// every font size in the compiled wxss at least 32rpx, 16 px on a phone (scripts/lib/wxss-sizes.ts)?
// And does app.json's preloadRule name real pages and subpackages, within WeChat's 2 MB preload
// quota per package (scripts/lib/preload.ts)?
// Run: npx tsx scripts/package-size.ts [distDir]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWxss, smallFontSizes, MIN_FONT_RPX } from './lib/wxss-sizes';
import { checkSyntaxLevel, describeProblems, WEAPP_ECMA_VERSION, WEAPP_MIN_BASE_LIBRARY } from './lib/syntax-level';
import { MAIN_PACKAGE, preloadProblems, preloadTotals, type PreloadApp } from './lib/preload';

const LIMIT = 2 * 1024 * 1024;
/** The team's budget for the main package: a quarter of WeChat's limit, room for later tab pages. */
const MAIN_BUDGET = LIMIT / 4;
// DevTools project settings sit beside the code but are not uploaded as package content.
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

interface PackageSize {
  name: string;
  /** The subpackage's root, or `__APP__` for the main package (as preloadRule names them). */
  root: string;
  bytes: number;
  files: number;
}

function walk(dir: string, visit: (file: string, bytes: number) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile()) visit(full, statSync(full).size);
  }
}

function subpackageRoots(appJson: unknown): string[] {
  const app = appJson as { subPackages?: Array<{ root?: unknown }>; subpackages?: Array<{ root?: unknown }> };
  const list = [...(app.subPackages ?? []), ...(app.subpackages ?? [])];
  return list.map((p) => (typeof p.root === 'string' ? p.root.replace(/^\/+|\/+$/g, '') : '')).filter((r) => r !== '');
}

function measure(dist: string): PackageSize[] {
  const roots = subpackageRoots(JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')));
  const main: PackageSize = { name: 'main', root: MAIN_PACKAGE, bytes: 0, files: 0 };
  const subs = new Map(roots.map((r) => [r, { name: `sub ${r}`, root: r, bytes: 0, files: 0 }]));
  walk(dist, (file, bytes) => {
    const rel = path.relative(dist, file).split(path.sep).join('/');
    if (NOT_PACKAGED.has(rel)) return;
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`));
    const target = root ? subs.get(root) : main;
    if (!target) return;
    target.bytes += bytes;
    target.files += 1;
  });
  return [main, ...subs.values()];
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

function main(): number {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  if (!existsSync(path.join(dist, 'app.json'))) {
    console.error(`${dist}/app.json not found: run \`npx taro build --type weapp\` first.`);
    return 2;
  }
  const sizes = measure(dist);
  const total = sizes.reduce((s, p) => s + p.bytes, 0);
  const rows = sizes.map((p) => [p.name, String(p.files), kb(p.bytes), `${((p.bytes / LIMIT) * 100).toFixed(1)}%`]);
  rows.push(['total', String(sizes.reduce((s, p) => s + p.files, 0)), kb(total), '']);
  const head = ['package', 'files', 'KB', 'of 2 MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));

  const over = sizes.filter((p) => p.bytes > LIMIT);
  if (over.length > 0) {
    over.forEach((p) => console.error(`✖ ${p.name} is ${kb(p.bytes)} KB, over the 2 MB WeChat limit.`));
    return 1;
  }
  if (sizes[0].bytes > MAIN_BUDGET) {
    console.error(`✖ main package ${kb(sizes[0].bytes)} KB is over our budget of 25% of 2 MB (${kb(MAIN_BUDGET)} KB).`);
    return 1;
  }
  console.log(`✔ main package ${kb(sizes[0].bytes)} KB = ${((sizes[0].bytes / LIMIT) * 100).toFixed(1)}% of 2 MB`);

  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as PreloadApp;
  const bytesByRoot = Object.fromEntries(sizes.map((p) => [p.root, p.bytes]));
  const preload = preloadProblems(app, bytesByRoot);
  if (preload.length > 0) {
    preload.forEach((p) => console.error(`✖ ${p}`));
    return 1;
  }
  for (const t of preloadTotals(app, bytesByRoot)) {
    console.log(`✔ preloading from ${t.package === MAIN_PACKAGE ? 'the main package' : t.package} (${t.pages.length} pages): ${kb(t.bytes)} KB of its 2 MB quota`);
  }

  const syntax = checkSyntaxLevel([dist], WEAPP_ECMA_VERSION);
  if (syntax.problems.length > 0) {
    console.error(`✖ ${describeProblems(syntax.problems, WEAPP_ECMA_VERSION, dist)}`);
    console.error(`  Base library ${WEAPP_MIN_BASE_LIBRARY} runs on iOS 10, which cannot parse these files: the page would open blank.`);
    return 1;
  }
  console.log(`✔ all ${syntax.files} JS files parse at ES${WEAPP_ECMA_VERSION} (base library ${WEAPP_MIN_BASE_LIBRARY}, iOS 10)`);

  const sheets = readWxss(dist);
  const small = smallFontSizes(sheets);
  if (small.length > 0) {
    small.forEach((p) => console.error(`✖ ${p.file}: ${p.selector} { ${p.declaration} } comes to ${p.rpx}rpx`));
    console.error(`  Reading text is ${MIN_FONT_RPX}rpx (16 px) or more; exceptions are listed in scripts/lib/wxss-sizes.ts and docs/SENIOR-MODE.md.`);
    return 1;
  }
  console.log(`✔ no font size under ${MIN_FONT_RPX}rpx in ${sheets.length} wxss files`);
  return 0;
}

process.exitCode = main();
