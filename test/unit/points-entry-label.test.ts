// 我的积分's history rows: a correcting entry (points taken back when a regrade turned a pass into a
// fail) reads 考试成绩更正 with a true minus sign; an award keeps its source's label and a plus.
import { entryLabel, POINT_SOURCES, SOURCE_LABELS, signedPoints, streakWithout, WITHDRAWAL_LABELS } from '../../core/domain/points';

describe('history row labels', () => {
  it('GIVEN a correcting entry THEN it reads as a correction of its source', () => {
    expect(entryLabel({ source: 'exam', withdraws: 'exam_m1_e1' })).toBe('考试成绩更正');
    for (const source of POINT_SOURCES) expect(WITHDRAWAL_LABELS[source]).toMatch(/更正$/);
  });

  it('GIVEN an award THEN it keeps its source’s label', () => {
    for (const source of POINT_SOURCES) expect(entryLabel({ source })).toBe(SOURCE_LABELS[source]);
    expect(entryLabel({ source: 'exam' })).toBe('考试通过');
  });

  it('shows points with their sign: +5, −5 with a minus sign, +0 for an award the cap cut to nothing', () => {
    expect(signedPoints(5)).toBe('+5');
    expect(signedPoints(-5)).toBe('\u22125');
    expect(signedPoints(0)).toBe('+0');
    expect(signedPoints(-0)).toBe('+0');
  });
});

describe('the streak after a withdrawal empties a day', () => {
  const run = { lastDay: '2026-11-23', streak: 3, longest: 5 }; // 21, 22, 23

  it('GIVEN the run’s last day emptied THEN the run ends the day before, one shorter', () => {
    expect(streakWithout(run, '2026-11-23')).toEqual({ lastDay: '2026-11-22', streak: 2, longest: 5 });
    expect(streakWithout({ lastDay: '2026-11-23', streak: 1, longest: 1 }, '2026-11-23')).toEqual({ lastDay: '', streak: 0, longest: 1 });
  });

  it('GIVEN an earlier day of the run emptied THEN the run is the days after it', () => {
    expect(streakWithout(run, '2026-11-22')).toEqual({ lastDay: '2026-11-23', streak: 1, longest: 5 });
    expect(streakWithout(run, '2026-11-21')).toEqual({ lastDay: '2026-11-23', streak: 2, longest: 5 });
  });

  it('GIVEN a day outside the run THEN nothing changes', () => {
    expect(streakWithout(run, '2026-11-20')).toBe(run);
    expect(streakWithout(run, '2026-11-24')).toBe(run);
    expect(streakWithout({ lastDay: '', streak: 0, longest: 0 }, '2026-11-23')).toEqual({ lastDay: '', streak: 0, longest: 0 });
  });

  it('crosses a month end', () => {
    expect(streakWithout({ lastDay: '2026-12-02', streak: 4, longest: 4 }, '2026-11-30')).toEqual({ lastDay: '2026-12-02', streak: 2, longest: 4 });
  });
});
