// 今日任务 rules (issue 16): which facts are still a task today, their order (closing soonest first,
// then today's events, then check-in and the daily quiz, then tomorrow's events), their lines in
// plain words and what is listed as done; Beijing days at 23:59:59 and 00:00:00.
import { closingLine, contestLine, dayWord, eventLine, todayTasks, type EventFact, type ExamFact, type TodayFacts } from '../../core/domain/today';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The UTC instant of a Beijing wall-clock time. */
const beijing = (d: string, hh: number, mm = 0, ss = 0) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10), hh - 8, mm, ss);
const NOW = beijing('2026-11-23', 10);

const exam = (over: Partial<ExamFact> = {}): ExamFact => ({
  examId: 'x1',
  title: '党章知识测试',
  kind: 'exam',
  opensAt: NOW - HOUR,
  closesAt: beijing('2026-11-25', 18),
  inProgress: false,
  submittedAt: null,
  ...over,
});
const event = (over: Partial<EventFact> = {}): EventFact => ({
  eventId: 'e1',
  title: '主题党日',
  place: '党员活动室',
  startsAt: beijing('2026-11-23', 14, 30),
  endsAt: beijing('2026-11-23', 16, 30),
  attended: false,
  ...over,
});
const facts = (over: Partial<TodayFacts> = {}): TodayFacts => ({ now: NOW, exams: [], events: [], checkedIn: false, quizDone: null, contests: [], ...over });

describe('the lines of a task', () => {
  it('an exam closing today or tomorrow says when; later, how many days are left', () => {
    expect(closingLine(beijing('2026-11-23', 18), NOW)).toBe('今天 18:00 截止');
    expect(closingLine(beijing('2026-11-24', 9, 5), NOW)).toBe('明天 09:05 截止');
    expect(closingLine(beijing('2026-11-25', 18), NOW)).toBe('还剩 2 天截止');
    expect(closingLine(beijing('2026-12-03', 0, 30), NOW)).toBe('还剩 10 天截止');
  });

  it('an event says when it starts and where, or that it is running', () => {
    expect(eventLine(event(), NOW)).toBe('今天 14:30 开始 · 党员活动室');
    expect(eventLine(event({ startsAt: beijing('2026-11-24', 9) }), NOW)).toBe('明天 09:00 开始 · 党员活动室');
    expect(eventLine(event({ startsAt: NOW - MIN }), NOW)).toBe('正在进行 · 党员活动室');
    expect(eventLine(event({ place: '  ' }), NOW)).toBe('今天 14:30 开始');
  });

  it('days are Beijing days: 23:59:59 is still today, 00:00:00 is tomorrow', () => {
    const late = beijing('2026-11-23', 23, 59, 59);
    expect(dayWord(late, NOW)).toBe('今天');
    expect(dayWord(late + 1000, NOW)).toBe('明天');
    expect(dayWord(beijing('2026-11-25', 0), NOW)).toBe('后天');
    expect(dayWord(beijing('2026-12-01', 8), NOW)).toBe('12月1日');
  });
});

describe('what is a task today', () => {
  it('an open window the member has not handed in; not before it opens, after it closes, or once handed in', () => {
    const view = todayTasks(
      facts({
        exams: [
          exam({ examId: 'open' }),
          exam({ examId: 'upcoming', opensAt: NOW + MIN }),
          exam({ examId: 'closed', closesAt: NOW }),
          exam({ examId: 'handed-in', submittedAt: NOW - MIN }),
          exam({ examId: 'again', submittedAt: NOW - DAY, inProgress: true, title: '再次作答' }),
        ],
        checkedIn: true,
      }),
    );
    // Same close: by id, so the order never changes between two loads.
    expect(view.tasks.map((t) => t.id)).toEqual(['again', 'open']);
    expect(view.tasks[0]).toMatchObject({ kind: 'exam', title: '再次作答', line: '正在作答 · 还剩 2 天截止' });
  });

  it('a make-up says so', () => {
    expect(todayTasks(facts({ exams: [exam({ kind: 'makeup', closesAt: beijing('2026-11-23', 20) })], checkedIn: true })).tasks).toEqual([
      { kind: 'exam', id: 'x1', title: '党章知识测试', line: '补考 · 今天 20:00 截止' },
    ]);
  });

  it('an event from the day before it starts until it ends, unless attendance is recorded', () => {
    const view = todayTasks(
      facts({
        checkedIn: true,
        events: [
          event({ eventId: 'today' }),
          event({ eventId: 'tomorrow', startsAt: beijing('2026-11-24', 23, 59, 59), endsAt: beijing('2026-11-25', 1) }),
          event({ eventId: 'later', startsAt: beijing('2026-11-25', 0), endsAt: beijing('2026-11-25', 2) }),
          event({ eventId: 'over', startsAt: NOW - 2 * HOUR, endsAt: NOW }),
          event({ eventId: 'attended', attended: true }),
        ],
      }),
    );
    expect(view.tasks.map((t) => t.id)).toEqual(['today', 'tomorrow']);
    expect(view.done).toEqual(['今天的学习打卡已完成', '已签到：主题党日']);
  });

  it('the check-in until it is done; the daily quiz only where there is one', () => {
    expect(todayTasks(facts()).tasks).toEqual([{ kind: 'checkin', id: '', title: '学习打卡', line: '今天还没有打卡' }]);
    expect(todayTasks(facts({ quizDone: false })).tasks.map((t) => t.kind)).toEqual(['checkin', 'quiz']);
    expect(todayTasks(facts({ checkedIn: true, quizDone: true }))).toEqual({ day: '2026-11-23', tasks: [], done: ['今天的学习打卡已完成', '今天的每日答题已完成'] });
  });
});

describe('the order of the tasks', () => {
  it('exams closing soonest first, then today’s events by start, then check-in and quiz, then tomorrow’s events', () => {
    const view = todayTasks(
      facts({
        quizDone: false,
        exams: [exam({ examId: 'x-late', closesAt: beijing('2026-11-30', 18) }), exam({ examId: 'x-soon', closesAt: beijing('2026-11-23', 12) })],
        events: [
          event({ eventId: 'e-tomorrow', startsAt: beijing('2026-11-24', 9), endsAt: beijing('2026-11-24', 11) }),
          event({ eventId: 'e-afternoon', startsAt: beijing('2026-11-23', 15), endsAt: beijing('2026-11-23', 17) }),
          event({ eventId: 'e-morning', startsAt: beijing('2026-11-23', 9), endsAt: beijing('2026-11-23', 11) }),
        ],
      }),
    );
    expect(view.tasks.map((t) => `${t.kind}:${t.id}`)).toEqual(['exam:x-soon', 'exam:x-late', 'event:e-morning', 'event:e-afternoon', 'checkin:', 'quiz:', 'event:e-tomorrow']);
    expect(view.tasks[2].line).toBe('正在进行 · 党员活动室');
  });
});

describe('what is done today', () => {
  it('lists exams handed in today, not those handed in yesterday', () => {
    const view = todayTasks(
      facts({
        checkedIn: true,
        exams: [exam({ examId: 'a', title: '今天交的', submittedAt: beijing('2026-11-23', 0, 0, 0) }), exam({ examId: 'b', title: '昨天交的', submittedAt: beijing('2026-11-22', 23, 59, 59) })],
      }),
    );
    expect(view).toEqual({ day: '2026-11-23', tasks: [], done: ['今天的学习打卡已完成', '今天已交卷：今天交的'] });
  });

  it('says nothing is done when nothing is (the page then says there is nothing today)', () => {
    expect(todayTasks(facts({ checkedIn: true })).done).toEqual(['今天的学习打卡已完成']);
    expect(todayTasks(facts({ checkedIn: false })).done).toEqual([]);
  });
});

describe('contests', () => {
  const c = (over: Partial<TodayFacts['contests'][number]> = {}) => ({ contestId: 'c1', title: '党史知识竞赛', closesAt: beijing('2026-12-10', 18), countingRounds: 2, countedToday: 0, ...over });

  it('says the counting rounds left and the close: the date, or today’s and tomorrow’s time', () => {
    expect(contestLine(2, beijing('2026-12-10', 18), NOW)).toBe('知识竞赛：还可计分 2 局，12月10日截止');
    expect(contestLine(1, beijing('2026-11-24', 18), NOW)).toBe('知识竞赛：还可计分 1 局，明天 18:00 截止');
  });

  it('lists a contest after the daily quiz, closing soonest first, until today’s counting rounds are played, then says so', () => {
    const view = todayTasks(facts({ checkedIn: true, quizDone: false, contests: [c({ contestId: 'late' }), c({ contestId: 'soon', title: '支部竞赛', closesAt: beijing('2026-11-30', 18), countedToday: 1 })] }));
    expect(view.tasks.map((t) => `${t.kind}:${t.id}:${t.line}`)).toEqual(['quiz::今天还没有答题', 'contest:soon:知识竞赛：还可计分 1 局，11月30日截止', 'contest:late:知识竞赛：还可计分 2 局，12月10日截止']);
    const played = todayTasks(facts({ checkedIn: true, contests: [c({ countedToday: 2 })] }));
    expect(played.tasks).toEqual([]);
    expect(played.done).toEqual(['今天的学习打卡已完成', '今天的知识竞赛计分局已答完：党史知识竞赛']);
  });
});
