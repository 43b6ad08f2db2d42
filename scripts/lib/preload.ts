// WeChat's subpackage preloading (app.json `preloadRule`), checked the way WeChat's packager does
// before an upload would fail: each rule's key is a registered page, each package it names is a
// subpackage's root or name (or `__APP__`, the main package), and the pages of one package share
// one preload quota of 2 MB — "页面 A 和 B 都在同一个分包中，A 中预下载总大小 0.5M 的分包，B 中最多
// 只能预下载总大小 1.5M 的分包" (developers.weixin.qq.com, 分包预下载), so each page's packages are
// counted for that page, even when another page of the package preloads them too.
// Used by scripts/package-size.ts after a weapp build (real sizes) and by
// test/unit/preload-rule.test.ts (the app config's rule, and the check itself).

export const PRELOAD_QUOTA = 2 * 1024 * 1024;
/** WeChat's name for the main package in `packages`. */
export const MAIN_PACKAGE = '__APP__';

export interface PreloadApp {
  pages: string[];
  subPackages?: Array<{ root: string; name?: string; pages: string[] }>;
  subpackages?: Array<{ root: string; name?: string; pages: string[] }>;
  preloadRule?: Record<string, { network?: string; packages: string[] }>;
}

export interface PreloadTotal {
  /** The package whose pages trigger the preloading: a subpackage root or `__APP__`. */
  package: string;
  /** Those pages, in the rule's order. */
  pages: string[];
  /** Bytes preloaded by all of them together, each page's packages counted once for that page. */
  bytes: number;
}

const trim = (s: string) => s.replace(/^\/+|\/+$/g, '');

function subpackagesOf(app: PreloadApp): Array<{ root: string; name?: string; pages: string[] }> {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => ({ ...p, root: trim(p.root) }));
}

/** The package a page belongs to (`__APP__` for the main package), or null if no package lists it. */
export function packageOfPage(app: PreloadApp, page: string): string | null {
  const p = trim(page);
  if (app.pages.map(trim).includes(p)) return MAIN_PACKAGE;
  const sub = subpackagesOf(app).find((s) => s.pages.some((q) => `${s.root}/${trim(q)}` === p));
  return sub ? sub.root : null;
}

/** The root a `packages` entry stands for (by root or by name), `__APP__` itself, or null. */
function rootOf(app: PreloadApp, entry: string): string | null {
  if (entry === MAIN_PACKAGE) return MAIN_PACKAGE;
  const e = trim(entry);
  const sub = subpackagesOf(app).find((s) => s.root === e || s.name === entry);
  return sub ? sub.root : null;
}

/** Mistakes in the rule that need no sizes: unknown pages, unknown packages, a bad network. */
export function preloadRuleProblems(app: PreloadApp): string[] {
  const problems: string[] = [];
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    const home = packageOfPage(app, page);
    if (!home) problems.push(`preloadRule: "${page}" is not a page of the app`);
    if (rule.network !== undefined && rule.network !== 'all' && rule.network !== 'wifi') problems.push(`preloadRule["${page}"].network: "${rule.network}" is neither "all" nor "wifi"`);
    if (!Array.isArray(rule.packages) || rule.packages.length === 0) problems.push(`preloadRule["${page}"].packages: empty`);
    for (const entry of rule.packages ?? []) {
      const root = rootOf(app, entry);
      if (!root) problems.push(`preloadRule["${page}"]: "${entry}" is no subpackage's root or name`);
      else if (root === home) problems.push(`preloadRule["${page}"]: "${entry}" is the page's own package`);
    }
  }
  return problems;
}

/**
 * What the pages of each package preload together, given each package's size in bytes
 * (`sizes[root]`, `sizes.__APP__` for the main package). A package missing from `sizes` counts 0.
 */
export function preloadTotals(app: PreloadApp, sizes: Record<string, number>): PreloadTotal[] {
  const totals = new Map<string, PreloadTotal>();
  for (const [page, rule] of Object.entries(app.preloadRule ?? {})) {
    const home = packageOfPage(app, page);
    if (!home) continue;
    const total = totals.get(home) ?? { package: home, pages: [], bytes: 0 };
    const roots = new Set((rule.packages ?? []).map((e) => rootOf(app, e)).filter((r): r is string => r !== null));
    total.pages.push(trim(page));
    for (const root of roots) total.bytes += sizes[root] ?? 0;
    totals.set(home, total);
  }
  return [...totals.values()];
}

/** Every problem of the rule, including a package whose pages preload over the 2 MB quota. */
export function preloadProblems(app: PreloadApp, sizes: Record<string, number>): string[] {
  const over = preloadTotals(app, sizes)
    .filter((t) => t.bytes > PRELOAD_QUOTA)
    .map((t) => `preloadRule: the pages of ${t.package === MAIN_PACKAGE ? 'the main package' : `subpackage ${t.package}`} (${t.pages.join(', ')}) preload ${(t.bytes / 1024).toFixed(1)} KB together, over WeChat's 2 MB quota per package`);
  return [...preloadRuleProblems(app), ...over];
}
