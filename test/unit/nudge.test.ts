import { bareTitle, deadlineWords, dayWords, NUDGE_NAME_LIMIT, nudgeText, remindSummary, type NudgeActivity } from '../../core/domain/nudge';

// Beijing wall time → epoch ms (UTC+8, no daylight saving).
const bj = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const NOW = bj(2026, 12, 4, 9, 30); // a Friday morning
const count = (s: string, part: string) => s.split(part).length - 1;

describe('deadline in words', () => {
  it('says month, day, weekday and time in Beijing time, never an ISO date', () => {
    expect(deadlineWords(bj(2026, 12, 10, 18), NOW)).toBe('12月10日（周四）18:00前');
  });

  it('a UTC evening is already the next Beijing day', () => {
    expect(deadlineWords(Date.UTC(2026, 11, 10, 17, 0), NOW)).toBe('12月11日（周五）01:00前');
  });

  it('midnight is the end of the day before (24:00), not 00:00 of the next', () => {
    expect(deadlineWords(bj(2026, 12, 11), NOW)).toBe('12月10日（周四）24:00前');
  });

  it('names the year only when it is not this year', () => {
    expect(deadlineWords(bj(2027, 1, 5, 12), NOW)).toBe('2027年1月5日（周二）12:00前');
  });
});

describe('title marks', () => {
  it.each([
    ['「四史」知识测试', '『四史』知识测试'],
    ['「四史知识测试」', '四史知识测试'],
    ['《党章》学习', '《党章》学习'],
    ['《党章》', '党章'],
    ['“七一”专题', '“七一”专题'],
    ['"党史测试"', '党史测试'],
    ['「「四史」测试」', '『四史』测试'],
    ['「四史」与「党史」', '『四史』与『党史』'],
    ['  党史测试  ', '党史测试'],
  ])('%s → %s', (raw, bare) => {
    expect(bareTitle(raw)).toBe(bare);
  });
});

describe('nudgeText', () => {
  const base = { title: '「四史」知识测试', deadline: bj(2026, 12, 10, 18), names: ['王芳', '李强'], now: NOW };

  it.each<[NudgeActivity, string, string]>([
    ['exam', '参加考试', '“答题”'],
    ['checkin', '完成', '“学习”'],
    ['event', '报名参加', '“活动”'],
    ['quiz', '完成', '“答题”'],
    ['contest', '参加知识竞赛', '“答题”'],
  ])('%s: who, what, by when, how; the title in 「」 exactly once', (activity, what, where) => {
    const text = nudgeText({ ...base, activity });
    expect(text).toContain('王芳、李强');
    expect(text).toContain('12月10日（周四）18:00前');
    expect(text).toContain(`${what}「『四史』知识测试」`);
    expect(text).toContain('“党员学习”小程序');
    expect(text).toContain(where);
    expect(count(text, '「')).toBe(1);
    expect(count(text, '」')).toBe(1);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('a title already wrapped is not wrapped twice', () => {
    const text = nudgeText({ ...base, activity: 'exam', title: '「党史学习教育测试」' });
    expect(text).toContain('「党史学习教育测试」');
    expect(text).not.toContain('「「');
    expect(text).not.toContain('」」');
  });

  it('many names: the first ones and the count', () => {
    const names = Array.from({ length: 45 }, (_, i) => `党员${i + 1}`);
    const text = nudgeText({ ...base, activity: 'checkin', names });
    expect(text).toContain(`党员${NUDGE_NAME_LIMIT}等45位同志`);
    expect(text).not.toContain(`党员${NUDGE_NAME_LIMIT + 1}、`);
    expect(text).not.toContain('党员45');
  });

  it('a few names: all of them and the count', () => {
    expect(nudgeText({ ...base, activity: 'exam' })).toContain('王芳、李强同志（共2人）');
  });

  it('no names: a message for everyone in the group', () => {
    expect(nudgeText({ ...base, activity: 'event', names: [] })).toMatch(/^各位同志：/);
  });

  it('the unit heads the message when given', () => {
    expect(nudgeText({ ...base, activity: 'exam', unitName: '第一支部' })).toMatch(/^【第一支部】王芳/);
  });

  it('no deadline, or one already past: asks for it soon, with no date', () => {
    for (const deadline of [null, undefined, NOW - 1000]) {
      const text = nudgeText({ ...base, activity: 'exam', deadline });
      expect(text).toContain('请尽快参加考试');
      expect(text).not.toContain('月');
    }
  });
});

describe('remindSummary', () => {
  it('says each group with its other way to be reached, leaving out zeros but never the first', () => {
    expect(remindSummary({ sent: 1, withoutCredit: 3, alreadyReminded: 0, unbound: 4 })).toBe('已提醒 1 人；3 人未开启提醒（可复制文字或转发到群里）；4 人未绑定（请发送邀请）');
    expect(remindSummary({ sent: 0, withoutCredit: 0, alreadyReminded: 2, unbound: 0 })).toBe('已提醒 0 人；2 人今天已提醒过');
    expect(remindSummary({ sent: 0, withoutCredit: 0, alreadyReminded: 0, unbound: 0 })).toBe('已提醒 0 人');
  });
});

describe('dayWords', () => {
  it('a day key in words with its weekday', () => {
    expect(dayWords('2036-11-29')).toBe('11月29日（周六）');
    expect(dayWords('2026-12-10')).toBe('12月10日（周四）');
  });
});
