// saveAnswers: answers are saved as the member goes, so nothing is lost to a closed app or a lost
// network. Only questions on the member's own paper, only while the attempt is open and before
// its deadline; each answer is checked against the question's shape.

import type { ExamResponses } from '../../../core/contracts/exam';
import { isAnswered, type AnswerValue } from '../../../core/domain/exam';
import { COLLECTIONS } from '../../lib/collections';
import { updateWhere } from '../../lib/db';
import { invalid, precondition } from '../../lib/errors';
import { requireMember } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import type { AttemptDoc } from '../model';
import { closeAttempt, GRACE_MS, ownAttempt } from '../shared';

type AnswerInput = { qid: string; choice?: number[]; text?: string[] };

export async function saveAnswers(input: { attemptId: string; answers: AnswerInput[] }, ctx: ActionContext): Promise<ExamResponses['saveAnswers']> {
  const { db, clock } = ctx.deps;
  const member = await requireMember(ctx);
  const attempt = await ownAttempt(db, member, input.attemptId);
  const values = checkAnswers(attempt, input.answers);
  await assertOpen(ctx, attempt);

  const _ = db.command;
  const answers: Record<string, unknown> = {};
  for (const [qid, v] of Object.entries(values)) answers[qid] = _.set(v);
  const data: Record<string, unknown> = { rev: _.inc(1), answers };
  const saved = await updateWhere(db.collection(COLLECTIONS.examAttempts).where({ _id: attempt._id, status: 'open' }), data);
  if (saved === 0) throw precondition('考试已交卷，答案未保存');
  const now = clock.now();
  const merged = { ...attempt.answers, ...values };
  const answeredCount = attempt.paper.filter((p) => isAnswered(attempt.key[p.qid], merged[p.qid])).length;
  return { savedAt: now, serverNow: now, deadline: attempt.deadline, answeredCount };
}

/** Refuses a closed or expired attempt; an expired one is closed on the way with what it held. */
export async function assertOpen(ctx: ActionContext, attempt: AttemptDoc): Promise<void> {
  if (attempt.status !== 'open') throw precondition('考试已交卷');
  if (ctx.deps.clock.now() > attempt.deadline + GRACE_MS) {
    await closeAttempt(ctx, attempt, 'deadline');
    throw precondition('考试时间已到，系统已按已保存的答案自动交卷');
  }
}

/** Answers keyed by question, each on the member's paper and shaped like its question. */
export function checkAnswers(attempt: AttemptDoc, answers: AnswerInput[]): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const onPaper = new Map(attempt.paper.map((p, i) => [p.qid, { item: p, index: i + 1 }]));
  for (const a of answers) {
    const found = onPaper.get(a.qid);
    if (!found) throw invalid('题目不在您的试卷上');
    const k = attempt.key[a.qid];
    const label = `第 ${found.index} 题`;
    if (k.type === 'fill') {
      if (a.choice !== undefined) throw invalid(`${label}是填空题，请填写文字`);
      const text = (a.text ?? []).map((t) => t.trim());
      if (text.length > k.blanks.length) throw invalid(`${label}只有 ${k.blanks.length} 个空`);
      out[a.qid] = { text };
    } else {
      if (a.text !== undefined) throw invalid(`${label}是选择题，请选择选项`);
      const choice = [...new Set(a.choice ?? [])].sort((x, y) => x - y);
      if (choice.some((c) => c >= found.item.order.length)) throw invalid(`${label}没有这个选项`);
      if ((k.type === 'single' || k.type === 'judge') && choice.length > 1) throw invalid(`${label}只能选一个答案`);
      out[a.qid] = { choice };
    }
  }
  return out;
}
