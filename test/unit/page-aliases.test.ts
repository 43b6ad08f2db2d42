// Renamed pages keep their old paths: every old path is still registered (as a forwarding page)
// and forwards to a page that exists, with its query.
import { aliasUrl, PAGE_ALIASES, type AliasedPath } from '../../src/utils/page-aliases';

type AppConfig = { pages: string[]; subPackages: Array<{ root: string; pages: string[] }>; tabBar: { list: Array<{ pagePath: string }> } };

function registeredPages(): { all: Set<string>; tabs: Set<string> } {
  (globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  const config = (require('../../src/app.config') as { default: AppConfig }).default;
  const all = new Set([...config.pages, ...config.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]);
  return { all, tabs: new Set(config.tabBar.list.map((t) => t.pagePath)) };
}

describe('old page paths', () => {
  const { all, tabs } = registeredPages();
  const olds = Object.keys(PAGE_ALIASES) as AliasedPath[];

  it('are still registered and forward to registered pages, tabs by switchTab', () => {
    expect(olds).toEqual(expect.arrayContaining(['pages/index/index', 'pages/quiz/index', 'subpackages/event/checkin']));
    for (const old of olds) {
      expect(all.has(old)).toBe(true);
      const { to, tab } = PAGE_ALIASES[old];
      expect(all.has(to)).toBe(true);
      expect(tabs.has(to)).toBe(tab);
      expect(tabs.has(old)).toBe(false);
    }
  });

  it('keep their query on the way to the new page, and tabs open without one', () => {
    expect(aliasUrl('subpackages/event/checkin', { e: 'ev1', t: 'Ab_9-x' })).toBe('/subpackages/event/attendance?e=ev1&t=Ab_9-x');
    expect(aliasUrl('subpackages/event/checkin', { e: 'a b', t: undefined, $taroTimestamp: '1' })).toBe('/subpackages/event/attendance?e=a%20b');
    expect(aliasUrl('subpackages/event/checkin', {})).toBe('/subpackages/event/attendance');
    expect(aliasUrl('pages/quiz/index', { x: '1' })).toBe('/pages/answer/index');
    expect(aliasUrl('pages/index/index', {})).toBe('/pages/home/index');
  });
});
