// The on-site code as a URL: what the event function writes (onsiteUrl, from the WEB_APP_URL
// setting checked by webAppOrigin) and what the mini-program's scanner, its `q` option and the web
// page read back (parseOnsiteCode), including the old page-path codes.
import { ONSITE_PATH, onsiteUrl, parseOnsiteCode, webAppOrigin } from '../../core/domain/onsiteUrl';
import { attendanceUrlFromScan } from '../../src/utils/event-format';

const E = '0123456789abcdef01234567';
const T = 'Ab3dE5gH9jK1mN-_';
const URL_OK = `https://dj.example.org.cn/qr/checkin?e=${E}&t=${T}`;

describe('the web app origin setting', () => {
  it('takes an https origin, with or without a trailing slash, and answers the bare origin', () => {
    expect(webAppOrigin('https://dj.example.org.cn')).toBe('https://dj.example.org.cn');
    expect(webAppOrigin(' https://DJ.example.org.cn/ ')).toBe('https://dj.example.org.cn');
    expect(webAppOrigin('https://dj.example.org.cn:8443')).toBe('https://dj.example.org.cn:8443');
  });

  it('takes plain http only on this machine (the local cloud)', () => {
    expect(webAppOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(webAppOrigin('http://localhost:9000/')).toBe('http://localhost:9000');
    expect(webAppOrigin('http://dj.example.org.cn')).toBeNull();
  });

  it('refuses a missing, malformed or decorated value (fail closed)', () => {
    for (const bad of [undefined, '', '   ', 'dj.example.org.cn', 'ftp://dj.example.org.cn', 'https://dj.example.org.cn/app', 'https://dj.example.org.cn/?x=1', 'https://dj.example.org.cn/#/', 'https://u:p@dj.example.org.cn', 'javascript:alert(1)']) {
      expect(webAppOrigin(bad)).toBeNull();
    }
  });

  it('makes the code URL on the fixed path', () => {
    expect(onsiteUrl('https://dj.example.org.cn', E, T)).toBe(URL_OK);
    expect(ONSITE_PATH).toBe('/qr/checkin');
  });
});

describe('reading an on-site code', () => {
  it('reads the URL, in any parameter order, with a trailing slash on the path', () => {
    expect(parseOnsiteCode(URL_OK)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(` https://dj.example.org.cn/qr/checkin/?t=${T}&e=${E} `)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`http://127.0.0.1:8080/qr/checkin?e=${E}&t=${T}`)).toEqual({ eventId: E, token: T });
  });

  it("reads the mini-program's q option: the URL encoded once or twice", () => {
    expect(parseOnsiteCode(encodeURIComponent(URL_OK))).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(encodeURIComponent(encodeURIComponent(URL_OK)))).toEqual({ eventId: E, token: T });
  });

  it('refuses another site when the origin is known, and another path or a look-alike path always', () => {
    expect(parseOnsiteCode(URL_OK, { origin: 'https://dj.example.org.cn' })).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(URL_OK.replace('dj.example.org.cn', 'evil.example.com'), { origin: 'https://dj.example.org.cn' })).toBeNull();
    expect(parseOnsiteCode(URL_OK.replace('https:', 'http:'), { origin: 'https://dj.example.org.cn' })).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/other?e=${E}&t=${T}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkins?e=${E}&t=${T}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/x/qr/checkin?e=${E}&t=${T}`)).toBeNull();
  });

  it('compares origins as a browser would: case, the default port', () => {
    const origin = 'https://dj.example.org.cn';
    expect(parseOnsiteCode(`HTTPS://DJ.Example.org.cn/qr/checkin?e=${E}&t=${T}`, { origin })).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`https://dj.example.org.cn:443/qr/checkin?e=${E}&t=${T}`, { origin })).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`https://dj.example.org.cn:8443/qr/checkin?e=${E}&t=${T}`, { origin })).toBeNull();
    expect(parseOnsiteCode(`https://evil.example.com@dj.example.org.cn/qr/checkin?e=${E}&t=${T}`)).toBeNull();
  });

  it('reads codes without the URL class, which the mini-program does not have', () => {
    const saved = globalThis.URL;
    // @ts-expect-error -- the mini-program's JavaScript environment, without URL
    delete globalThis.URL;
    try {
      expect(parseOnsiteCode(URL_OK)).toEqual({ eventId: E, token: T });
      expect(parseOnsiteCode(encodeURIComponent(URL_OK), { origin: 'https://dj.example.org.cn' })).toEqual({ eventId: E, token: T });
      expect(parseOnsiteCode('https://[bad/qr/checkin?e=a&t=b')).toBeNull();
    } finally {
      globalThis.URL = saved;
    }
  });

  it('refuses a code with a part missing or malformed', () => {
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?e=${E}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?t=${T}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?e=&t=${T}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?e=${E}&t=a%20b`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?e=${E}&t=${'x'.repeat(65)}`)).toBeNull();
    expect(parseOnsiteCode(`https://dj.example.org.cn/qr/checkin?e=${E}&t=<script>`)).toBeNull();
  });

  it('refuses garbage', () => {
    for (const bad of ['', '   ', 'hello', 'https://', 'https://dj.example.org.cn/', '%E0%A4%A', 'https://[bad/qr/checkin?e=a&t=b', '12345678', 'WIFI:S:office;T:WPA;P:secret;;']) {
      expect(parseOnsiteCode(bad)).toBeNull();
    }
  });

  it('still reads the old form: the page path with e and t, bare, with a slash, or in a web link', () => {
    expect(parseOnsiteCode(`subpackages/event/attendance?e=${E}&t=${T}`)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`/subpackages/event/attendance?t=${T}&e=${E}`)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`subpackages/event/checkin?e=${E}&t=${T}`)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode(`https://example.org/#/subpackages/event/attendance?e=${E}&t=${T}`)).toEqual({ eventId: E, token: T });
    expect(parseOnsiteCode('subpackages/event/attendance?e=ev1')).toBeNull();
    expect(parseOnsiteCode('subpackages/event/detail?id=ev1')).toBeNull();
  });

  it('leads the scanner to the attendance page for either form', () => {
    expect(attendanceUrlFromScan(URL_OK)).toBe(`/subpackages/event/attendance?e=${E}&t=${T}`);
    expect(attendanceUrlFromScan(encodeURIComponent(URL_OK))).toBe(`/subpackages/event/attendance?e=${E}&t=${T}`);
    expect(attendanceUrlFromScan(`subpackages/event/checkin?e=${E}&t=${T}`)).toBe(`/subpackages/event/attendance?e=${E}&t=${T}`);
    expect(attendanceUrlFromScan('https://dj.example.org.cn/')).toBeNull();
  });
});
