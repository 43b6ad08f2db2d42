// 我的积分's history rows: a correcting entry (points taken back when a regrade turned a pass into a
// fail) reads 考试成绩更正 with a true minus sign; an award keeps its source's label and a plus.
import { entryLabel, POINT_SOURCES, SOURCE_LABELS, signedPoints, WITHDRAWAL_LABELS } from '../../core/domain/points';

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
