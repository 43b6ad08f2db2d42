// 闭卷考试: a member finds an open exam on 答题, starts it (a confirmation names the time allowed),
// answers every question, hands in and sees the result the server graded.
import type { Journey, Step } from './steps';
import { dataOf } from '../helpers/cloud';

const TITLE = '旅程：党史知识闭卷测试';

function question(i: number): Step[] {
  const steps: Step[] = [
    { kind: 'see', text: `第 ${i} / 5 题`, in: { id: 'take-index' } },
    { kind: 'tap', target: { cls: 'take-option', nth: 0 } },
  ];
  if (i < 5) steps.push({ kind: 'tap', target: { id: 'take-next' } });
  return steps;
}

export const examJourney: Journey = {
  name: 'exam',
  about: '王秀英 takes a five-question closed-book exam from 答题 and sees her graded result',
  steps: [
    {
      kind: 'given',
      what: 'the org admin installs the built-in bank and publishes a 30-minute exam of 党史 single-choice and true/false questions (the daily quiz keeps the rest) for 离退休干部党支部',
      run: async ({ t }) => {
        dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
        const now = t.cloud.clock.now();
        const saved = dataOf(
          await t.call<{ id: string }>('demo-admin', 'exam', 'saveExam', {
            exam: {
              title: TITLE,
              description: '闭卷作答，独立完成。',
              unitIds: ['br-retired'],
              opensAt: now - 60_000,
              closesAt: now + 3_600_000,
              durationMinutes: 30,
              paper: { mode: 'rules', rules: [{ type: 'single', tag: '党史', count: 3 }, { type: 'judge', tag: '党史', count: 2 }] },
              passScore: 3,
            },
          }),
        );
        dataOf(await t.call('demo-admin', 'exam', 'publishExam', { examId: saved.id }));
        return { examId: saved.id };
      },
    },
    { kind: 'signIn', as: 'member', ready: { text: '王秀英' } },
    { kind: 'openTab', tab: '答题' },
    { kind: 'see', text: TITLE, in: { id: 'exam-{examId}' } },
    { kind: 'see', text: '满分 8 分', in: { id: 'exam-{examId}' } },
    { kind: 'tap', target: { id: 'exam-{examId}' } },
    { kind: 'see', text: '单选题 3 道', in: { id: 'exam-facts' } },
    { kind: 'see', text: '30 分钟', in: { id: 'exam-facts' } },
    { kind: 'tap', target: { id: 'exam-start' } },
    { kind: 'answer', dialog: /30 分钟/, press: 'confirm' },
    ...[1, 2, 3, 4, 5].flatMap(question),
    { kind: 'tap', target: { id: 'take-submit' } },
    { kind: 'answer', dialog: /已全部作答/, press: 'confirm' },
    { kind: 'see', text: /^\d+\s*\/\s*8 分$/, in: { id: 'result-score' } },
    { kind: 'see', text: '5 / 5 题', in: { id: 'result-answered' } },
    { kind: 'see', text: '本人交卷', in: { id: 'result-closed-by' } },
    {
      kind: 'check',
      what: 'her attempt is handed in with five answers',
      run: async ({ t, vars }) => {
        const attempts = t.cloud.db.find('examAttempts', { examId: vars.examId }, {});
        if (attempts.length !== 1) throw new Error(`${attempts.length} attempts`);
        const a = attempts[0] as { status?: unknown; answeredCount?: unknown };
        if (a.status !== 'submitted' || a.answeredCount !== 5) throw new Error(`attempt is ${String(a.status)} with ${String(a.answeredCount)} answers`);
      },
    },
  ],
};
