// Subpackage preloading (app.config.ts preloadRule, issue 19): the rule names tab pages and real
// subpackage roots only, preloads no organiser subpackage, and the check the weapp build runs on
// real sizes (scripts/package-size.ts → scripts/lib/preload.ts) counts WeChat's quota the way
// WeChat does — one 2 MB quota shared by the pages of a package, each page's packages counted.
// The sizes themselves exist only after a weapp build, so that check runs in `npm run build:weapp`
// (a step of `npm test`), not here.
import { MAIN_PACKAGE, packageOfPage, preloadProblems, preloadRuleProblems, preloadTotals, type PreloadApp } from '../../scripts/lib/preload';

type AppConfig = PreloadApp & { tabBar: { list: Array<{ pagePath: string }> } };

function appConfig(): AppConfig {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  return (require('../../src/app.config') as { default: AppConfig }).default;
}

const KB = 1024;

describe('the app’s preloadRule', () => {
  const app = appConfig();
  const rule = app.preloadRule ?? {};
  const roots = new Set((app.subPackages ?? []).map((p) => p.root));

  it('preloads from tab pages only, and only existing subpackage roots', () => {
    const tabs = new Set(app.tabBar.list.map((t) => t.pagePath));
    expect(Object.keys(rule).length).toBeGreaterThan(0);
    for (const [page, { packages, network }] of Object.entries(rule)) {
      expect(tabs.has(page)).toBe(true);
      expect(network).toBe('all');
      for (const p of packages) expect(roots.has(p)).toBe(true);
    }
    expect(preloadRuleProblems(app)).toEqual([]);
  });

  it('leads each tab to the member subpackages its links open, and no organiser subpackage', () => {
    expect(rule['pages/home/index'].packages).toEqual(expect.arrayContaining(['subpackages/quiz', 'subpackages/exam', 'subpackages/event', 'subpackages/feed']));
    expect(rule['pages/answer/index'].packages).toEqual(expect.arrayContaining(['subpackages/quiz', 'subpackages/exam']));
    expect(rule['pages/activity/index'].packages).toEqual(['subpackages/event']);
    expect(rule['pages/mine/index'].packages).toEqual(expect.arrayContaining(['subpackages/points', 'subpackages/campaign']));
    const preloaded = Object.values(rule).flatMap((r) => r.packages);
    expect(preloaded.filter((p) => p.endsWith('-admin') || p === 'subpackages/console')).toEqual([]);
  });
});

describe('the preload check', () => {
  const app: PreloadApp = {
    pages: ['pages/a/index', 'pages/b/index'],
    subPackages: [
      { root: 'sub/one', pages: ['index'] },
      { root: 'sub/two', name: 'two', pages: ['index', 'more'] },
    ],
  };

  it('knows which package a page is in', () => {
    expect(packageOfPage(app, '/pages/a/index')).toBe(MAIN_PACKAGE);
    expect(packageOfPage(app, 'sub/two/more')).toBe('sub/two');
    expect(packageOfPage(app, 'sub/two/none')).toBeNull();
  });

  it('names an unknown page, an unknown package, the page’s own package and a bad network', () => {
    const problems = preloadRuleProblems({
      ...app,
      preloadRule: {
        'pages/gone/index': { packages: ['sub/one'] },
        'pages/a/index': { network: '4g', packages: ['sub/three'] },
        'sub/one/index': { packages: ['sub/one'] },
        'pages/b/index': { packages: [] },
      },
    });
    expect(problems).toEqual([
      'preloadRule: "pages/gone/index" is not a page of the app',
      'preloadRule["pages/a/index"].network: "4g" is neither "all" nor "wifi"',
      'preloadRule["pages/a/index"]: "sub/three" is no subpackage\'s root or name',
      'preloadRule["sub/one/index"]: "sub/one" is the page\'s own package',
      'preloadRule["pages/b/index"].packages: empty',
    ]);
  });

  it('shares one quota among the pages of a package, each page’s packages counted for it', () => {
    const withRule: PreloadApp = {
      ...app,
      preloadRule: {
        'pages/a/index': { packages: ['sub/one', 'two'] },
        'pages/b/index': { packages: ['sub/two'] },
        'sub/one/index': { packages: ['two'] },
      },
    };
    const sizes = { 'sub/one': 900 * KB, 'sub/two': 600 * KB, [MAIN_PACKAGE]: 400 * KB };
    expect(preloadTotals(withRule, sizes)).toEqual([
      { package: MAIN_PACKAGE, pages: ['pages/a/index', 'pages/b/index'], bytes: 2100 * KB },
      { package: 'sub/one', pages: ['sub/one/index'], bytes: 600 * KB },
    ]);
    // 900 + 600 for a, 600 again for b: 2100 KB, over the 2048 KB the main package's pages share.
    expect(preloadProblems(withRule, sizes)).toEqual([
      "preloadRule: the pages of the main package (pages/a/index, pages/b/index) preload 2100.0 KB together, over WeChat's 2 MB quota per package",
    ]);
    expect(preloadProblems(withRule, { ...sizes, 'sub/two': 500 * KB })).toEqual([]);
  });
});
