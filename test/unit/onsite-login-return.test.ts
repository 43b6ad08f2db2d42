// The web login page's way back to the on-site check-in page (src/utils/login-return.ts): only a
// page of this app, never another site or a script URL, however the query arrives.
import { loginReturningTo, returnPathFrom } from '../../src/utils/login-return';

const BACK = '/subpackages/event/attendance?e=0123456789abcdef01234567&t=Ab3dE5gH9jK1mN-_&from=login';

describe('coming back after signing in on the web', () => {
  it('sends the login page the page to come back to, and reads it back encoded or not', () => {
    const url = loginReturningTo(BACK);
    expect(url).toBe(`/pages/login/index?back=${encodeURIComponent(BACK)}`);
    const back = new URLSearchParams(url.split('?')[1]).get('back') ?? '';
    expect(returnPathFrom(back)).toBe(BACK);
    expect(returnPathFrom(encodeURIComponent(BACK))).toBe(BACK);
    expect(returnPathFrom(encodeURIComponent(encodeURIComponent(BACK)))).toBe(BACK);
    expect(returnPathFrom('/pages/home/index')).toBe('/pages/home/index');
  });

  it('goes to 首页 for no page, another site, a script, a path with a host, or the login page itself', () => {
    for (const bad of [undefined, '', 'https://evil.example.com/', '//evil.example.com/x', 'javascript:alert(1)', '/subpackages/../../x', '/subpackages/event/attendance?e=<b>', '/pages/login/index?back=%2Fpages%2Fhome%2Findex', '%ZZ', 'subpackages/event/attendance']) {
      expect(returnPathFrom(bad)).toBeNull();
    }
    expect(loginReturningTo('https://evil.example.com/')).toBe('/pages/login/index');
  });
});
