// Rules of a hand-recorded paper result (送题到家): the score's range and steps, the day it was
// taken, and the trace line organisers read. Every refusal names its field.
import { paperScoreProblem, takenOnProblem, traceLine, type PaperTraceEntry } from '../../core/domain/exam/paper';

describe('paperScoreProblem', () => {
  it('takes whole and half points from 0 to the total', () => {
    for (const s of [0, 1, 59.5, 60, 100]) expect(paperScoreProblem(s, 100)).toBeNull();
  });
  it('refuses a score outside 0…total, naming 成绩 and the total', () => {
    for (const s of [-1, 100.5, 101, 1e9]) expect(paperScoreProblem(s, 100)).toBe('成绩应在 0 到 100 分之间');
    expect(paperScoreProblem(11, 10)).toContain('10 分');
  });
  it('refuses what is not a number or is finer than half a point', () => {
    expect(paperScoreProblem(Number.NaN, 100)).toContain('成绩');
    expect(paperScoreProblem(Number.POSITIVE_INFINITY, 100)).toContain('成绩');
    expect(paperScoreProblem(85.25, 100)).toContain('成绩');
    expect(paperScoreProblem(0.1, 100)).toContain('成绩');
  });
});

describe('takenOnProblem', () => {
  const today = '2026-12-04';
  it('takes today and earlier days within a year', () => {
    for (const d of ['2026-12-04', '2026-12-03', '2026-01-01', '2025-12-04']) expect(takenOnProblem(d, today)).toBeNull();
  });
  it('refuses a day after today, more than a year back, or not a calendar day, naming 考试日期', () => {
    expect(takenOnProblem('2026-12-05', today)).toBe('考试日期不能晚于今天');
    expect(takenOnProblem('2025-11-01', today)).toBe('考试日期不能早于一年前');
    for (const d of ['2026-02-30', '2026-13-01', '2026-00-10']) expect(takenOnProblem(d, today)).toBe('考试日期不是有效的日期');
  });
});

describe('traceLine', () => {
  const base: PaperTraceEntry = { at: 0, by: 'm1', byName: '宋德明', action: 'record', from: null, to: 85, reason: '送题到家' };
  it('says what changed, who and why', () => {
    expect(traceLine(base)).toBe('录入 85 分，宋德明：送题到家');
    expect(traceLine({ ...base, action: 'correct', from: 85, to: 90, reason: '阅卷有误' })).toBe('更正 85 → 90 分，宋德明：阅卷有误');
    expect(traceLine({ ...base, action: 'withdraw', from: 90, to: null, reason: '录错了人' })).toBe('撤销（原 90 分），宋德明：录错了人');
  });
});
