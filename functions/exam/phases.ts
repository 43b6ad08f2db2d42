// Where an exam stands at a moment: its phase for organisers, and for a member their status in it
// and the card their exam lists show.

import type { ExamCard, ManagedExamRow, MyExamStatus } from '../../core/contracts/exam';
import type { ExamDoc, TakerDoc } from './model';

export function examPhase(exam: ExamDoc, now: number): ManagedExamRow['phase'] {
  if (exam.status === 'draft') return 'draft';
  if (now < exam.opensAt) return 'upcoming';
  if (now < exam.closesAt) return 'open';
  return 'closed';
}

export function memberStatus(exam: ExamDoc, taker: TakerDoc | null, now: number): MyExamStatus {
  if (taker?.openAttemptId) return 'in_progress';
  if (taker?.best) return taker.best.passed ? 'passed' : 'failed';
  if (now < exam.opensAt) return 'upcoming';
  if (now >= exam.closesAt) return 'missed';
  return 'open';
}

export function cardOf(exam: ExamDoc, taker: TakerDoc | null, now: number): ExamCard {
  const used = taker?.attemptsUsed ?? 0;
  const closed = now >= exam.closesAt;
  return {
    id: exam._id,
    title: exam.title,
    kind: exam.kind,
    opensAt: exam.opensAt,
    closesAt: exam.closesAt,
    durationMinutes: exam.durationMinutes,
    questionCount: exam.questionCount,
    totalScore: exam.totalScore,
    passScore: exam.passScore,
    status: memberStatus(exam, taker, now),
    attemptsLeft: closed ? 0 : Math.max(0, exam.maxAttempts - used),
    bestScore: taker?.best?.score ?? null,
  };
}
