// What a member sees of an attempt: the running paper (never the key), and the result of a closed
// one, with the review of each question only once the answers are released — and, even then,
// without the key of a question on another window still open to them (keys.ts).

import type { AttemptResult, AttemptView, PaperQuestion, ReviewItem } from '../../core/contracts/exam';
import { answersReleased, type PaperItem } from '../../core/domain/exam';
import { COLLECTIONS } from '../lib/collections';
import { list } from '../lib/db';
import { invalid } from '../lib/errors';
import type { ActionContext } from '../lib/router';
import type { Caller } from '../org/ports';
import { reportId } from './ids';
import { heldKeys, type HeldKeys } from './keys';
import type { AttemptDoc, QuestionReportDoc } from './model';
import { paperPinned, type Pinned } from './pinned';
import { REGRADE_NOTICE, type RegradedAttempt } from './regrade';

export function paperQuestions(paper: PaperItem[], questions: Pinned, points: AttemptDoc['terms']['points']): PaperQuestion[] {
  return paper.map((item, i) => {
    const q = questions[item.qid];
    return {
      qid: item.qid,
      index: i + 1,
      type: q.type,
      stem: q.stem,
      options: q.type === 'fill' ? [] : item.order.map((o) => q.options[o]),
      blankCount: q.type === 'fill' ? q.blanks.length : 0,
      points: points[q.type],
    };
  });
}

export function attemptView(a: AttemptDoc, questions: Pinned, now: number): AttemptView {
  return {
    attemptId: a._id,
    examId: a.examId,
    title: a.terms.title,
    number: a.number,
    status: a.status,
    startedAt: a.startedAt,
    deadline: a.deadline,
    serverNow: now,
    switchCount: a.switchCount,
    switchTolerance: a.terms.switchTolerance,
    questions: paperQuestions(a.paper, questions, a.terms.points),
    answers: a.answers,
  };
}

/** Whether this member may now see the answers of this attempt. */
export function reviewReleased(a: AttemptDoc, now: number): boolean {
  const lastAttempt = a.number >= a.terms.maxAttempts;
  return answersReleased(a.terms.releaseAnswers, a.terms.closesAt, now, a.status === 'submitted' && lastAttempt);
}

/**
 * A closed attempt's result; its review when `questions` are given and the answers are released,
 * each question of `held` without its key (and without whether it was right: with the member's
 * own answer that would tell the key).
 */
export function resultView(a: AttemptDoc, questions: Pinned | null, now: number, reported: Set<string> = new Set(), held: HeldKeys = new Map()): AttemptResult {
  if (a.status !== 'submitted') throw invalid('这次答题尚未交卷');
  const released = questions !== null && reviewReleased(a, now);
  let review: ReviewItem[] | null = null;
  if (released && questions) {
    review = paperQuestions(a.paper, questions, a.terms.points).map((pq, i) => {
      const q = questions[pq.qid];
      const item = a.paper[i];
      const shownOf = (orig: number) => item.order.indexOf(orig);
      const mine = a.answers[pq.qid] ?? null;
      const hold = held.get(pq.qid);
      if (hold) {
        return { ...pq, mine, correctChoice: [], correctBlanks: [], correct: false, earned: 0, explanation: '', reported: reported.has(pq.qid), keyHeld: hold };
      }
      return {
        ...pq,
        mine,
        correctChoice: q.type === 'fill' ? [] : q.answer.map(shownOf).sort((x, y) => x - y),
        correctBlanks: q.type === 'fill' ? q.blanks : [],
        correct: a.perQuestion[pq.qid]?.correct ?? false,
        earned: a.perQuestion[pq.qid]?.earned ?? 0,
        explanation: q.explanation,
        reported: reported.has(pq.qid),
        keyHeld: null,
      };
    });
  }
  return {
    attemptId: a._id,
    examId: a.examId,
    title: a.terms.title,
    status: 'submitted',
    score: a.score ?? 0,
    total: a.total,
    passScore: a.terms.passScore,
    passed: a.passed === true,
    correctCount: a.correctCount,
    answeredCount: a.answeredCount,
    questionCount: a.paper.length,
    durationSeconds: a.seconds ?? 0,
    submittedAt: a.submittedAt ?? 0,
    closedBy: a.closedBy ?? 'member',
    reviewAt: released ? null : reviewAtOf(a),
    review,
    regrade: regradeNotice(a),
  };
}

/** The member is told a corrected key changed their score: before the first correction, and now. */
function regradeNotice(a: RegradedAttempt): AttemptResult['regrade'] {
  const notes = a.regrades ?? [];
  if (notes.length === 0) return null;
  const qids = new Set(notes.map((n) => n.qid));
  return {
    notice: REGRADE_NOTICE,
    scoreBefore: notes[0].before,
    scoreAfter: a.score ?? 0,
    passedBefore: notes[0].passedBefore,
    passedAfter: a.passed === true,
    questions: a.paper.flatMap((p, i) => (qids.has(p.qid) ? [i + 1] : [])),
  };
}

function reviewAtOf(a: AttemptDoc): number {
  return a.terms.closesAt;
}

/** Questions of this paper the member has already reported (one report per member and question). */
export async function reportedQids(ctx: ActionContext, attempt: AttemptDoc): Promise<Set<string>> {
  const { db, ids } = ctx.deps;
  const _ = db.command;
  const reportIds = attempt.paper.map((p) => reportId(ids, p.qid, attempt.memberId));
  const docs = await list<QuestionReportDoc>(
    db.collection(COLLECTIONS.questionReports).where({ _id: _.in(reportIds) }).limit(reportIds.length),
  );
  return new Set(docs.map((d) => d.questionId));
}

/**
 * A closed attempt's result as its member reads it (again): the score only until the answers are
 * released, then the review with the questions they reported marked and the keys of questions on
 * windows still open to them held. `reported`: whether to read their reports (submitAttempt
 * answers without).
 */
export async function memberResult(ctx: ActionContext, member: Caller, attempt: AttemptDoc, now: number, reported = true): Promise<AttemptResult> {
  if (!reviewReleased(attempt, now)) return resultView(attempt, null, now);
  const { db } = ctx.deps;
  const questions = await paperPinned(db, attempt);
  const mine = reported ? await reportedQids(ctx, attempt) : new Set<string>();
  const held = await heldKeys(db, member, attempt.paper.map((p) => p.qid), now, 'review');
  return resultView(attempt, questions, now, mine, held);
}
