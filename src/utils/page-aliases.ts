// Page paths that were renamed but may still be stored outside the app: in on-site codes printed
// or shown on a screen, in mini-program codes, in sent reminders and in members' shared links.
// Each old path stays registered as a tiny page that forwards to its new home with the same query
// (see components/Redirect). Add a line here, never delete one: a printed code lives for years.

export interface PageAlias {
  /** The page that now serves the old path (no leading slash). */
  to: string;
  /** Tab pages are opened with switchTab, which carries no query. */
  tab: boolean;
}

export const PAGE_ALIASES = {
  // 首页 and 答题 were named after one context each; tabs are now named by their label.
  'pages/index/index': { to: 'pages/home/index', tab: true },
  'pages/quiz/index': { to: 'pages/answer/index', tab: true },
  // Event attendance was called "checkin", the name of the daily study check-in.
  'subpackages/event/checkin': { to: 'subpackages/event/attendance', tab: false },
} as const satisfies Record<string, PageAlias>;

export type AliasedPath = keyof typeof PAGE_ALIASES;

/**
 * The url that opens `from`'s new page with the same query parameters (values as the page got
 * them, encoded again). Tab pages get no query: switchTab cannot carry one.
 */
export function aliasUrl(from: AliasedPath, params: Record<string, string | undefined>): string {
  const alias: PageAlias = PAGE_ALIASES[from];
  if (alias.tab) return `/${alias.to}`;
  const query = Object.entries(params)
    // `$taroTimestamp` is Taro's own marker on H5, not a parameter of the page.
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== '$taroTimestamp')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `/${alias.to}?${query}` : `/${alias.to}`;
}
