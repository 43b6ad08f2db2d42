// The window arithmetic of the rate-limit module: fixed windows, deterministic ids, the wait in words.
import { DAY_MS, hashKey, limitDocId, limitMessage, MINUTE_MS, waitWords, windowOf } from '../../functions/lib/rateLimit';

const TEN_MIN = 10 * MINUTE_MS;
/** 2036-11-20 00:00 Beijing time (16:00 UTC the day before). */
const BEIJING_MIDNIGHT = Date.UTC(2036, 10, 19, 16, 0, 0);

describe('fixed windows', () => {
  it('a 10-minute window starts on the ten minutes and ends ten minutes later; its last millisecond is still in it', () => {
    const start = Date.UTC(2036, 10, 20, 2, 10, 0);
    expect(windowOf({ windowMs: TEN_MIN }, start)).toEqual({ start, end: start + TEN_MIN });
    expect(windowOf({ windowMs: TEN_MIN }, start + TEN_MIN - 1)).toEqual({ start, end: start + TEN_MIN });
    expect(windowOf({ windowMs: TEN_MIN }, start + TEN_MIN).start).toBe(start + TEN_MIN);
    expect(windowOf({ windowMs: MINUTE_MS }, start + 59_999)).toEqual({ start, end: start + MINUTE_MS });
  });

  it('a day window is a Beijing day, not a UTC day', () => {
    expect(windowOf({ windowMs: DAY_MS }, BEIJING_MIDNIGHT)).toEqual({ start: BEIJING_MIDNIGHT, end: BEIJING_MIDNIGHT + DAY_MS });
    expect(windowOf({ windowMs: DAY_MS }, BEIJING_MIDNIGHT - 1).start).toBe(BEIJING_MIDNIGHT - DAY_MS);
    // 23:59 UTC is 07:59 the next morning in Beijing: the same Beijing day as 16:00 UTC.
    expect(windowOf({ windowMs: DAY_MS }, BEIJING_MIDNIGHT + 8 * 60 * MINUTE_MS - 1).start).toBe(BEIJING_MIDNIGHT);
  });

  it('one document id per scope, key and window; the key is hashed, so an openid never shows in it', () => {
    const rule = { scope: 'bind', windowMs: TEN_MIN };
    const t = Date.UTC(2036, 10, 20, 2, 10, 0);
    expect(limitDocId(rule, 'o-openid-1', t)).toBe(limitDocId(rule, 'o-openid-1', t + TEN_MIN - 1));
    expect(limitDocId(rule, 'o-openid-1', t)).not.toBe(limitDocId(rule, 'o-openid-1', t + TEN_MIN));
    expect(limitDocId(rule, 'o-openid-1', t)).not.toBe(limitDocId(rule, 'o-openid-2', t));
    expect(limitDocId(rule, 'o-openid-1', t)).not.toBe(limitDocId({ ...rule, scope: 'comment' }, 'o-openid-1', t));
    expect(limitDocId(rule, 'o-openid-1', t)).toBe(`rl-bind-${t}-${hashKey('o-openid-1')}`);
    expect(limitDocId(rule, 'o-openid-1', t)).not.toContain('openid');
    expect(limitDocId(rule, 'weird/key with spaces', t)).toMatch(/^rl-bind-\d+-[0-9a-f]{24}$/);
  });
});

describe('the wait in words', () => {
  const start = Date.UTC(2036, 10, 20, 2, 10, 0);
  it('rounds up to whole minutes, never "0 minutes"', () => {
    expect(waitWords({ windowMs: TEN_MIN }, start + 2 * MINUTE_MS)).toBe(' 8 分钟后');
    expect(waitWords({ windowMs: TEN_MIN }, start + 2 * MINUTE_MS + 1)).toBe(' 8 分钟后');
    expect(waitWords({ windowMs: TEN_MIN }, start + TEN_MIN - 1)).toBe(' 1 分钟后');
    expect(waitWords({ windowMs: MINUTE_MS }, start)).toBe(' 1 分钟后');
  });
  it('speaks of hours for long windows and of tomorrow for a day', () => {
    expect(waitWords({ windowMs: 6 * 60 * MINUTE_MS }, Date.UTC(2036, 10, 20, 0, 0, 0))).toBe(' 6 小时后');
    expect(waitWords({ windowMs: 6 * 60 * MINUTE_MS }, start)).toBe(' 4 小时后');
    expect(waitWords({ windowMs: DAY_MS }, BEIJING_MIDNIGHT + 3 * MINUTE_MS)).toBe('明天');
  });
  it('reads as a sentence', () => {
    expect(limitMessage({ windowMs: TEN_MIN, kind: 'attempts' }, start + 2 * MINUTE_MS)).toBe('尝试次数太多，请 8 分钟后再试');
    expect(limitMessage({ windowMs: MINUTE_MS, kind: 'writes' }, start + 1_000)).toBe('操作太频繁，请 1 分钟后再试');
    expect(limitMessage({ windowMs: DAY_MS, kind: 'writes' }, start)).toBe('今天的操作次数太多，请明天再试');
  });
});
