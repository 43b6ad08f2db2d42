// 每日答题: a member plays today's scored round of five from 答题, answering each with a tap and
// seeing its verdict, then the summary with the score and points.
import type { Journey, Step } from './steps';
import { dataOf, type TestCloud } from '../helpers/cloud';
import { COLLECTIONS } from '../../functions/lib/collections';
import type { StoredRound } from '../helpers/quiz';

/** The shown position of the right option of question `index` in the member's open round. */
async function rightPick(t: TestCloud, index: number): Promise<string> {
  const member = t.cloud.db.find(COLLECTIONS.members, { openid: 'demo-member' }, {})[0];
  const rounds = t.cloud.db.find(COLLECTIONS.quizRounds, { memberId: member?._id, status: 'open' }, {}) as unknown as StoredRound[];
  if (rounds.length !== 1) throw new Error(`${rounds.length} open rounds`);
  const item = rounds[0].items[index - 1];
  if (!item || item.type === 'fill' || item.type === 'multiple') throw new Error(`question ${index} is ${item?.type ?? 'missing'}`);
  const pos = item.order.findIndex((original) => item.answer.includes(original));
  return String(pos);
}

function question(i: number): Step[] {
  return [
    { kind: 'see', text: `第 ${i} / 5 题`, in: { id: 'quiz-index' } },
    { kind: 'given', what: `the right option of question ${i}, read from the stored round`, run: async ({ t }) => ({ pick: await rightPick(t, i) }) },
    { kind: 'tap', target: { cls: 'quiz-option', nth: '{pick}' } },
    { kind: 'see', text: '✓ 回答正确', in: { id: 'quiz-verdict' } },
    { kind: 'see', text: '正确答案：', in: { id: 'quiz-verdict' } },
    { kind: 'tap', target: { id: 'quiz-next' } },
  ];
}

export const quizJourney: Journey = {
  name: 'quiz',
  about: '王秀英 answers today’s five questions right, one tap each, and sees 答对 5 / 5 题 with her points',
  steps: [
    {
      kind: 'given',
      what: 'the built-in bank, its multiple-choice and fill-in questions kept for exams (every question then answers with one tap)',
      run: async ({ t }) => {
        dataOf(await t.call('demo-admin', 'exam', 'installSeedBank', {}));
        t.cloud.db.update(COLLECTIONS.questions, { type: { $in: ['multiple', 'fill'] } }, { $set: { examOnly: true } });
      },
    },
    { kind: 'signIn', as: 'member', ready: { text: '王秀英' } },
    { kind: 'openTab', tab: '答题' },
    { kind: 'see', text: '今天还没有答题', in: { id: 'daily-card' } },
    { kind: 'tap', target: { id: 'daily-start' } },
    { kind: 'see', text: '今日答题 · 计分', in: { id: 'quiz-round-kind' } },
    ...[1, 2, 3, 4, 5].flatMap(question),
    { kind: 'see', text: '答对 5 / 5 题', in: { id: 'quiz-summary' } },
    { kind: 'see', text: '今日得分已记录', in: { id: 'quiz-summary' } },
    { kind: 'see', text: '获得积分 5 分', in: { id: 'quiz-summary' } },
    { kind: 'notSee', text: '练习：不计入今日得分', in: { id: 'quiz-summary' } },
  ],
};
