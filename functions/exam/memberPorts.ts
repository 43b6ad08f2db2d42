// What the exam context tells the console's gap lists, member by member (rule 3): the exams of a
// period that reach a subtree, and the standing of a page of members in them — one read each.

import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { takerId } from './ids';
import { ALL_UNITS, type ExamDoc, type TakerDoc } from './model';

/** Exams a gap list shows at most (the soonest closing of the period). */
export const GAP_EXAMS_MAX = 20;

export interface PeriodExam {
  examId: string;
  title: string;
  opensAt: number;
  closesAt: number;
  /** Units of its audience (or 'ALL'); a make-up reaches only the members it invited. */
  audience: string[];
  inviteOnly: boolean;
}

/**
 * Published exams whose window overlaps [from, to) and whose audience names one of `unitKeys`
 * (a subtree's units and the units above it), soonest closing first. One query on the members'
 * list index.
 */
export async function examsInPeriod(db: Database, orgId: string, unitKeys: string[], from: number, to: number): Promise<PeriodExam[]> {
  const _ = db.command;
  const docs = await list<ExamDoc>(
    db
      .collection(COLLECTIONS.exams)
      .where({ orgId, status: 'published', audience: _.in([...new Set([...unitKeys, ALL_UNITS])]), closesAt: _.gt(from) })
      .field({ title: true, opensAt: true, closesAt: true, audience: true, inviteOnly: true })
      .orderBy('closesAt', 'asc')
      .limit(50),
  );
  return docs
    .filter((e) => e.opensAt < to)
    .slice(0, GAP_EXAMS_MAX)
    .map((e) => ({ examId: e._id, title: e.title, opensAt: e.opensAt, closesAt: e.closesAt, audience: e.audience, inviteOnly: e.inviteOnly === true }));
}

export interface Standing {
  examId: string;
  memberId: string;
  invited: boolean;
  openAttemptId: string | null;
  best: { passed: boolean; score: number } | null;
}

/** The standing of `memberIds` in `examIds` (at most 1000 pairs): one read by the takers' ids. */
export async function standingsOf(db: Database, examIds: string[], memberIds: string[]): Promise<Standing[]> {
  const ids = examIds.flatMap((e) => memberIds.map((m) => takerId(e, m))).slice(0, 1000);
  if (ids.length === 0) return [];
  const _ = db.command;
  const docs = await list<TakerDoc>(
    db.collection(COLLECTIONS.examTakers).where({ _id: _.in(ids) }).field({ examId: true, memberId: true, invited: true, openAttemptId: true, best: true }).limit(ids.length),
  );
  return docs.map((t) => ({
    examId: t.examId,
    memberId: t.memberId,
    invited: t.invited === true,
    openAttemptId: t.openAttemptId ?? null,
    best: t.best ? { passed: t.best.passed, score: t.best.score } : null,
  }));
}

/** Does the exam's audience reach a member with this unit path? */
export function examReaches(exam: Pick<PeriodExam, 'audience'>, unitPath: readonly string[]): boolean {
  return exam.audience.includes(ALL_UNITS) || exam.audience.some((u) => unitPath.includes(u));
}
