// Where the web login page goes after signing in: back to the page that sent the visitor there
// (the on-site check-in page, opened by a phone camera from the rotating code), else 首页. Only a
// page of this app is accepted as `back`: never another site, a script URL or a path with a host.
// Pure (no Taro), so it is unit-tested in test/unit/onsite-login-return.test.ts.

/** The login page (LOGIN_PAGE of src/api/session.ts; PAGE.login). */
const LOGIN_PAGE = '/pages/login/index';

/** A page of this app with a plain query: `/pages/...` or `/subpackages/...`. */
const APP_PAGE = /^\/(pages|subpackages)\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*(\?[A-Za-z0-9_\-=&.%]*)?$/;

/** The login page, asked to come back to `path` (a page of this app) after signing in. */
export function loginReturningTo(path: string): string {
  return APP_PAGE.test(path) ? `${LOGIN_PAGE}?back=${encodeURIComponent(path)}` : LOGIN_PAGE;
}

/** The page to open after signing in, from the login page's `back` parameter; null for none or anything else. */
export function returnPathFrom(back: string | undefined): string | null {
  if (!back) return null;
  let path = back;
  // Taro hands the query on decoded or not, depending on how the page was opened.
  for (let i = 0; i < 2 && !path.startsWith('/') && /%[0-9A-Fa-f]{2}/.test(path); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  if (path.startsWith('/pages/login/')) return null;
  return APP_PAGE.test(path) ? path : null;
}
