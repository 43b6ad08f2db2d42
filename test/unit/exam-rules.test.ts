import {
  answersReleased,
  attemptDeadline,
  drawByRules,
  drawShortfall,
  gradePaper,
  gradeQuestion,
  layPaper,
  scoreBucket,
  DEFAULT_POINTS,
  type PaperItem,
  type PoolEntry,
} from '../../core/domain/exam';
import type { QuestionContent } from '../../core/domain/exam/questions';
import { bestDelta } from '../../functions/exam/statistics';

const q = (over: Partial<QuestionContent>): QuestionContent => ({
  type: 'single',
  stem: '题',
  options: ['甲', '乙', '丙', '丁'],
  answer: [1],
  blanks: [],
  explanation: '',
  tags: [],
  difficulty: 2,
  examOnly: false,
  ...over,
});
const plain: PaperItem = { qid: 'q', order: [0, 1, 2, 3] };
const opts = { points: DEFAULT_POINTS, multiplePartial: false };

/** A deterministic [0,1) source for shuffles. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('grading', () => {
  it('maps the shown option back through the per-person order before comparing', () => {
    // The member saw 丁, 丙, 乙, 甲: shown position 2 is 乙 (index 1), the correct one.
    const item: PaperItem = { qid: 'q', order: [3, 2, 1, 0] };
    expect(gradeQuestion(q({}), item, { choice: [2] }, opts)).toEqual({ earned: 2, max: 2, correct: true, answered: true });
    expect(gradeQuestion(q({}), item, { choice: [1] }, opts).correct).toBe(false);
  });

  it('gives multiple choice all or nothing by default, half for a correct subset when partial credit is on', () => {
    const m = q({ type: 'multiple', answer: [0, 2, 3] });
    expect(gradeQuestion(m, plain, { choice: [0, 2, 3] }, opts).earned).toBe(3);
    expect(gradeQuestion(m, plain, { choice: [0, 2] }, opts).earned).toBe(0);
    const partial = { ...opts, multiplePartial: true };
    expect(gradeQuestion(m, plain, { choice: [0, 2] }, partial).earned).toBe(1.5);
    // One wrong option picked: nothing, partial or not.
    expect(gradeQuestion(m, plain, { choice: [0, 1] }, partial).earned).toBe(0);
  });

  it('accepts any synonym per blank, ignoring spaces, width and a final full stop, and splits points over blanks', () => {
    const f = q({ type: 'fill', options: [], answer: [], blanks: [['遵义', '遵义会议'], ['毛泽东']] });
    const item: PaperItem = { qid: 'q', order: [] };
    expect(gradeQuestion(f, item, { text: ['遵义会议', ' 毛 泽东。'] }, opts)).toEqual({ earned: 2, max: 2, correct: true, answered: true });
    expect(gradeQuestion(f, item, { text: ['遵义', '周恩来'] }, opts)).toEqual({ earned: 1, max: 2, correct: false, answered: true });
    expect(gradeQuestion(f, item, { text: ['', ''] }, opts).answered).toBe(false);
  });

  it('scores a paper and counts unanswered questions as wrong', () => {
    const questions = { a: q({}), b: q({ type: 'judge', options: ['正确', '错误'], answer: [0] }) };
    const paper: PaperItem[] = [
      { qid: 'a', order: [0, 1, 2, 3] },
      { qid: 'b', order: [0, 1] },
    ];
    const g = gradePaper(paper, questions, { a: { choice: [1] } }, opts);
    expect(g).toMatchObject({ score: 2, total: 3, correctCount: 1, answeredCount: 1 });
  });
});

describe('papers', () => {
  const pool: PoolEntry[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ qid: `s${i}`, type: 'single' as const, tags: i < 3 ? ['党史'] : ['新中国史'] })),
    ...Array.from({ length: 4 }, (_, i) => ({ qid: `j${i}`, type: 'judge' as const, tags: ['党史'] })),
  ];

  it('draws each rule without repeats, tagged rules first', () => {
    const rules = [
      { type: 'single' as const, tag: null, count: 3 },
      { type: 'single' as const, tag: '党史', count: 3 },
      { type: 'judge' as const, tag: null, count: 2 },
    ];
    for (let seed = 1; seed < 30; seed++) {
      const drawn = drawByRules(rules, pool, seeded(seed)) as string[];
      expect(new Set(drawn).size).toBe(8);
      // All three 党史 singles are taken by the tagged rule; the untagged one takes the others.
      expect(drawn.filter((id) => ['s0', 's1', 's2'].includes(id))).toHaveLength(3);
    }
  });

  it('names the rule the bank cannot meet', () => {
    expect(drawShortfall([{ type: 'single', tag: '党史', count: 4 }], pool)).toBe('题库中“党史”单选题只有 3 道，少于要求的 4 道');
    expect(drawShortfall([{ type: 'judge', tag: null, count: 3 }, { type: 'judge', tag: '党史', count: 2 }], pool)).toBe('题库中判断题只有 4 道，少于各规则合计的 5 道');
    expect(drawShortfall([{ type: 'single', tag: null, count: 6 }], pool)).toBeNull();
  });

  it('shuffles question order and option order per person, keeping questions grouped by type', () => {
    const questions: Record<string, QuestionContent> = {};
    for (const e of pool) questions[e.qid] = e.type === 'judge' ? q({ type: 'judge', options: ['正确', '错误'], answer: [0] }) : q({});
    const a = layPaper(pool.map((e) => e.qid), questions, { shuffleQuestions: true, shuffleOptions: true }, seeded(7));
    const b = layPaper(pool.map((e) => e.qid), questions, { shuffleQuestions: true, shuffleOptions: true }, seeded(8));
    expect(a.map((p) => p.qid)).not.toEqual(b.map((p) => p.qid));
    expect(a.slice(0, 6).every((p) => p.qid.startsWith('s'))).toBe(true);
    // Judge questions keep 正确/错误 in place.
    expect(a.slice(6).every((p) => p.order.join() === '0,1')).toBe(true);
    for (const p of a.slice(0, 6)) expect([...p.order].sort()).toEqual([0, 1, 2, 3]);
    const fixed = layPaper(pool.map((e) => e.qid), questions, { shuffleQuestions: false, shuffleOptions: false }, seeded(7));
    expect(fixed.map((p) => p.qid)).toEqual(pool.map((e) => e.qid));
  });
});

describe('deadlines, release and statistics', () => {
  const t0 = Date.UTC(2026, 10, 22, 1, 0, 0);
  it('ends an attempt at start + duration, never after the window closes, plus extra time', () => {
    expect(attemptDeadline(t0, 30, t0 + 3600_000, 0)).toBe(t0 + 30 * 60_000);
    expect(attemptDeadline(t0, 30, t0 + 10 * 60_000, 0)).toBe(t0 + 10 * 60_000);
    expect(attemptDeadline(t0, 30, t0 + 10 * 60_000, 5)).toBe(t0 + 15 * 60_000);
  });

  it('releases answers after the window closes, or after the last submit when the exam says so', () => {
    expect(answersReleased('after_close', t0, t0 - 1, true)).toBe(false);
    expect(answersReleased('after_close', t0, t0, true)).toBe(true);
    expect(answersReleased('after_submit', t0, t0 - 1, true)).toBe(true);
    expect(answersReleased('after_submit', t0, t0 - 1, false)).toBe(false);
  });

  it('puts scores in ten bands, the full score in the top one', () => {
    expect([0, 59, 60, 99.5, 100].map((s) => scoreBucket(s, 100))).toEqual([0, 5, 6, 9, 9]);
  });

  it('moves a member between counters when a better attempt replaces their best', () => {
    const first = { attemptId: 'a1', score: 50, passed: false, seconds: 600, submittedAt: 1 };
    const second = { attemptId: 'a2', score: 80, passed: true, seconds: 500, submittedAt: 2 };
    expect(bestDelta(null, first, 100)).toEqual({ submitted: 1, failed: 1, scoreSum: 50, secondsSum: 600, hist: { b5: 1 } });
    expect(bestDelta(first, second, 100)).toEqual({ failed: -1, passed: 1, scoreSum: 30, secondsSum: -100, hist: { b5: -1, b8: 1 } });
    expect(bestDelta(first, first, 100)).toEqual({});
  });
});
