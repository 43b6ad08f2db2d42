// One branch's members in one exam: who took it, passed, failed, is still answering or has not
// taken it (未参加 while open, 缺考 after the close). Read from the branch roster and the exam's taker documents of that branch (two
// bounded, indexed reads), never from the attempts.

import type { RosterRow } from '../../core/contracts/exam';
import { COLLECTIONS } from '../lib/collections';
import { list, type Database } from '../lib/db';
import { creditsOf } from '../lib/reminders';
import { PAPER_ATTEMPT_ID, traceLine } from '../../core/domain/exam/paper';
import type { ExamDoc, TakerDoc } from './model';
import { membersOfUnit } from '../org/ports';

export interface BranchRoster {
  rows: Array<RosterRow & { openid: string | null }>;
}

export async function branchRoster(db: Database, exam: ExamDoc, unitId: string, withCredits: boolean): Promise<BranchRoster> {
  const [members, takers] = await Promise.all([
    // Leaders first, then pinyin order: the roster's listing key (org's sortKey) carries both.
    membersOfUnit(db, unitId),
    list<TakerDoc>(db.collection(COLLECTIONS.examTakers).where({ examId: exam._id, unitId }).orderBy('name', 'asc').limit(1000)),
  ]);
  const byMember = new Map(takers.map((t) => [t.memberId, t]));
  const audience = exam.inviteOnly ? members.filter((m) => byMember.get(m._id)?.invited) : members;
  let credits = new Map<string, number>();
  if (withCredits && audience.length > 0) {
    const held = await creditsOf(db, audience.map((m) => m._id), 'exam');
    credits = new Map([...held].map(([id, c]) => [id, c.credits]));
  }
  return {
    rows: audience.map((m) => {
      const t = byMember.get(m._id);
      const status: RosterRow['status'] = t?.openAttemptId ? 'in_progress' : t?.best ? (t.best.passed ? 'passed' : 'failed') : 'absent';
      return {
        memberId: m._id,
        name: m.name,
        leader: m.leader === true,
        status,
        score: t?.best?.score ?? null,
        attempts: t?.attemptsUsed ?? 0,
        // A paper result has no time taken.
        durationSeconds: t?.best && t.best.attemptId !== PAPER_ATTEMPT_ID ? t.best.seconds : null,
        submittedAt: t?.best?.submittedAt ?? null,
        flagged: t?.flagged ?? false,
        extraMinutes: t?.extraMinutes ?? 0,
        attemptId: t?.openAttemptId ?? (t?.best?.attemptId === PAPER_ATTEMPT_ID ? null : t?.best?.attemptId) ?? null,
        hasReminderCredit: (credits.get(m._id) ?? 0) > 0 && m.openid !== null,
        bound: !!m.openid,
        // 手工录入: shown while it stands (a withdrawn record leaves the member as if never recorded).
        paper: t?.paper && !t.paper.withdrawn ? { takenOn: t.paper.takenOn, note: t.paper.note, recordedBy: t.paper.byName, trace: t.paper.trace.map(traceLine) } : null,
        openid: m.openid,
      };
    }),
  };
}
