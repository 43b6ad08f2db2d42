// The console's arithmetic (core/domain/console/figures.ts): rates that say "—" rather than 0 %
// when nobody was asked, children compared lowest first, and an exam's 未参加 / 缺考 by its window.
import { examLine, lowestFirst, percentText, rate, subtreeFigures, waitingTotal, type ExamCounts, type SubtreeCounts } from '../../core/domain/console/figures';

const HOUR = 3_600_000;
const NOW = 1_800_000_000_000;
const unit = (path: string[], memberCount: number, boundCount = memberCount, status = 'active') => ({ path, memberCount, boundCount, status });
const exam = (over: Partial<ExamCounts> = {}): ExamCounts => ({
  examId: 'e1',
  title: '党章测试',
  kind: 'exam',
  opensAt: NOW - HOUR,
  closesAt: NOW + HOUR,
  audience: ['b1'],
  inviteOnly: false,
  invited: 0,
  started: 3,
  submitted: 2,
  passed: 1,
  ...over,
});

describe('rates', () => {
  it('is null with nothing to divide by, clamped to 0–1 otherwise', () => {
    expect(rate(3, 0)).toBeNull();
    expect(rate(0, 0)).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(5, 4)).toBe(1);
    expect(percentText(null)).toBe('—');
    expect(percentText(0)).toBe('0%');
    expect(percentText(0.876)).toBe('88%');
  });

  it('orders children lowest rate first, those without a rate last, ties kept in order', () => {
    const items = [
      { n: 'a', r: 0.5 },
      { n: 'b', r: null },
      { n: 'c', r: 0.1 },
      { n: 'd', r: 0.5 },
      { n: 'e', r: 0 },
    ];
    expect(lowestFirst(items, (i) => i.r).map((i) => i.n)).toEqual(['e', 'c', 'a', 'd', 'b']);
  });

  it('sums the waiting counts and keeps "at least"', () => {
    expect(waitingTotal([])).toEqual({ count: 0, more: false });
    expect(waitingTotal([{ count: 2, more: false }, { count: 100, more: true }])).toEqual({ count: 102, more: true });
  });
});

describe('an exam in a subtree', () => {
  const units = [unit(['org', 'b1'], 10), unit(['org', 'b2'], 7)];

  it('asks the members its audience reaches: 未参加 while open, 缺考 after the close, nothing before it opens', () => {
    expect(examLine(exam(), units, NOW)).toMatchObject({ phase: 'open', audience: 10, notYet: 7, absent: 0 });
    expect(examLine(exam({ closesAt: NOW - 1 }), units, NOW)).toMatchObject({ phase: 'closed', audience: 10, notYet: 0, absent: 7 });
    expect(examLine(exam({ opensAt: NOW + 1, started: 0 }), units, NOW)).toMatchObject({ phase: 'upcoming', notYet: 0, absent: 0 });
    expect(examLine(exam({ audience: ['ALL'] }), units, NOW).audience).toBe(17);
  });

  it('a make-up asks only the invited', () => {
    expect(examLine(exam({ kind: 'makeup', inviteOnly: true, invited: 4, started: 1 }), units, NOW)).toMatchObject({ audience: 4, notYet: 3 });
  });
});

describe('a subtree’s figures', () => {
  const base: SubtreeCounts = {
    units: [unit(['org', 'b1'], 10, 8), unit(['org', 'b2'], 5, 4, 'closed')],
    days: 7,
    checkins: 42,
    quizParticipantDays: 21,
    points: { points: 300, members: 30 },
    exams: [],
    events: { events: 1, confirmed: 10, attended: 8 },
    contests: { contests: 0, participants: 0, rounds: 0 },
  };

  it('divides by bound members × days, counts closed units’ members but not the units', () => {
    const f = subtreeFigures(base, NOW);
    expect(f).toMatchObject({ units: 1, members: 15, bound: 12 });
    expect(f.checkins).toEqual({ total: 42, possible: 84, rate: 0.5 });
    expect(f.quiz).toEqual({ participantDays: 21, possible: 84, rate: 0.25 });
    expect(f.events.rate).toBe(0.8);
    expect(f.exams).toMatchObject({ items: [], rate: null, passRate: null });
  });

  it('leaves upcoming exams out of the rate', () => {
    const f = subtreeFigures({ ...base, exams: [exam(), exam({ examId: 'e2', opensAt: NOW + HOUR, closesAt: NOW + 2 * HOUR, started: 0, submitted: 0, passed: 0 })] }, NOW);
    expect(f.exams.items).toHaveLength(2);
    expect(f.exams).toMatchObject({ audience: 10, submitted: 2, passed: 1, rate: 0.2, passRate: 0.5 });
  });

  it('is honest about an empty subtree: zeros and no rates', () => {
    const f = subtreeFigures({ ...base, units: [], checkins: 0, quizParticipantDays: 0, events: { events: 0, confirmed: 0, attended: 0 } }, NOW);
    expect(f).toMatchObject({ members: 0, bound: 0, checkins: { total: 0, possible: 0, rate: null }, quiz: { rate: null }, events: { rate: null } });
  });
});
